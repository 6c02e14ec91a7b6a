package io.rediscover.insights;

import java.util.List;

/**
 * One insight category. Its key is the search filter key, so a value shown in it refines the search by
 * {@code {key: [value]}} (or, for the year buckets, by the bucket's range).
 *
 * @param key     the search filter key
 * @param section where the category is listed: with the profile's main facts, or under "Other"
 */
public record Category(String key, Section section) {

    /** Where a category is listed. */
    public enum Section {
        /** Location, companies, titles, skills, years, education, diversity, industry, company size. */
        MAIN,
        /** Certifications, languages, groups, interests, honours: the "Other" group of the page and the export. */
        OTHER
    }

    /** Every category, in the order the page, the print view and the export show them. */
    public static final List<Category> ALL = List.of(
            main("location"), main("company"), main("title"), main("pastcompany"), main("pasttitle"), main("skill"),
            main("yearsexperience"), main("yearsinrole"), main("school"), main("degree"), main("major"), main("diversity"),
            main("industry"), main("companysize"),
            other("certification"), other("language"), other("group"), other("interest"), other("honor"));

    private static Category main(String key) {
        return new Category(key, Section.MAIN);
    }

    private static Category other(String key) {
        return new Category(key, Section.OTHER);
    }
}
