package io.rediscover.profiles;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinkUrlsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "linkedin.com/in/ana-torres-12ab                                  | linkedin.com/in/ana-torres-12ab",
            "https://www.linkedin.com/in/ana-torres-12ab/                     | linkedin.com/in/ana-torres-12ab",
            "http://uk.linkedin.com/in/Ana-Torres-12AB                         | linkedin.com/in/ana-torres-12ab",
            "HTTPS://DE.LINKEDIN.COM/in/ana-torres-12ab?trk=profile&locale=de  | linkedin.com/in/ana-torres-12ab",
            "https://m.linkedin.com/in/ana-torres-12ab#experience              | linkedin.com/in/ana-torres-12ab",
            "https://mobile.linkedin.com/in/ana-torres-12ab                    | linkedin.com/in/ana-torres-12ab",
            "www.linkedin.com//in//ana-torres-12ab//                           | linkedin.com/in/ana-torres-12ab",
            "https://www.linkedin.com/in/ana-torres-12ab/en                    | linkedin.com/in/ana-torres-12ab",
            "https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa                 | linkedin.com/in/josé-garcía",
            "https://sy.linkedin.com/pub/krzysztof-marzec/a7/576/b50?trk=biz   | linkedin.com/in/krzysztof-marzec-b50576a7",
            "linkedin.com:443/in/ana-torres-12ab                               | linkedin.com/in/ana-torres-12ab",
    })
    void linkedinVariantsBecomeOneSpelling(String raw, String canonical) {
        assertThat(LinkUrls.linkedin(raw)).contains(canonical);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "   ", "linkedin.com", "https://www.linkedin.com/", "https://www.linkedin.com/company/acme",
            "https://www.linkedin.com/in/", "https://www.linkedin.com/in/ab", "https://notlinkedin.com/in/ana-torres",
            "https://linkedin.com.evil.example/in/ana-torres", "https://www.linkedin.com/in/ana%ZZtorres",
            "https://www.linkedin.com/pub/ana/zz/1/2", "mailto:ana@linkedin.com", "https://www.linkedin.com/feed/"})
    void whatIsNoLinkedinProfileIsDropped(String raw) {
        assertThat(LinkUrls.linkedin(raw)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "github.com/atorres                      | github.com/atorres",
            "https://www.github.com/ATorres/          | github.com/atorres",
            "http://github.com/a-torres?tab=repositories | github.com/a-torres",
    })
    void githubVariantsBecomeOneSpelling(String raw, String canonical) {
        assertThat(LinkUrls.github(raw)).contains(canonical);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://github.com/", "https://github.com/atorres/dotfiles", "https://github.com/orgs/acme",
            "https://github.com/settings", "https://github.com/-torres", "https://github.com/a--torres",
            "https://gist.github.com/atorres", "https://github.com/" + "a1234567890123456789012345678901234567890"})
    void whatIsNoGithubProfileIsDropped(String raw) {
        assertThat(LinkUrls.github(raw)).isEmpty();
    }

    @Test
    void urlsAreFoundInFreeText() {
        String resume = """
                Ana Torres — Senior Backend Engineer
                LinkedIn: https://uk.linkedin.com/in/ana-torres-12ab/. GitHub (github.com/atorres), see
                also www.linkedin.com/company/acme and https://github.com/atorres/dotfiles; and again
                linkedin.com/in/Ana-Torres-12ab.
                """;
        assertThat(LinkUrls.findLinkedin(resume)).containsExactly("linkedin.com/in/ana-torres-12ab");
        assertThat(LinkUrls.findGithub(resume)).containsExactly("github.com/atorres");
        assertThat(LinkUrls.findLinkedin(null)).isEmpty();
    }
}
