package io.rediscover.index;

/**
 * One word of a text as search sees it.
 *
 * @param term     the normalised term, as indexed and as looked up: lower case, accents folded, never empty and never
 *                 containing white space, so an index may split its terms on white space (Tantivy's {@code whitespace}
 *                 tokenizer) or store each one whole ({@code raw})
 * @param start    where the word starts in the original text, as a {@link String} index (UTF-16 units), inclusive
 * @param end      where it ends, exclusive: {@code text.substring(start, end)} is the word as written, for highlighting
 * @param position the word's number in the text, from 0, one more for each token: phrases match consecutive positions
 */
public record Token(String term, int start, int end, int position) {
}
