package io.rediscover.search;

import io.rediscover.index.Analyzer;
import io.rediscover.index.CandidateFields;
import io.rediscover.index.IndexedCandidate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The search benchmark's data: candidate number {@code i} is the same on every run and every machine (its own seeded
 * random), shaped like an ATS candidate merged with its enrichment — name, current and past titles and companies,
 * skills, education, location, a resume of a few hundred words, power-filter values, diversity flags for a minority,
 * the iCIMS filters (status, stage, job, source, recruiter with realistic cardinalities), an update time within five
 * years and years of experience. Popular values are much more frequent than rare ones (Zipf), as in real data.
 */
final class BenchmarkCandidates {

    /** The instant the five years of updates end at. */
    static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
    private static final long FIVE_YEARS_SECONDS = 5L * 365 * 86_400;

    /** One school entry. */
    record School(String school, String degree, String major) {
    }

    /**
     * A generated candidate, as the source texts a merge would see (before analysis).
     */
    record Candidate(String id, String name, String title, String company, String location, List<String> pastTitles,
                     List<String> pastCompanies, List<String> skills, List<School> education, String industry,
                     String companySize, List<String> certifications, List<String> languages, List<String> diversity,
                     List<String> groups, List<String> interests, List<String> honors, Map<String, String> ats, Instant updated, Instant lastUpdated, long yearsExperience,
                     long yearsInRole, String resume) {

        /** @return the texts by text field, as written (the catch-all {@code all} joins them, as the host's merge does) */
        Map<String, String> texts() {
            Map<String, String> t = new LinkedHashMap<>();
            t.put("name", name);
            t.put("title", title);
            t.put("company", company);
            t.put("pasttitle", String.join(" ", pastTitles));
            t.put("pastcompany", String.join(" ", pastCompanies));
            t.put("skill", String.join(" ", skills));
            t.put("school", education.stream().map(School::school).collect(Collectors.joining(" ")));
            t.put("degree", education.stream().map(School::degree).collect(Collectors.joining(" ")));
            t.put("major", education.stream().map(School::major).collect(Collectors.joining(" ")));
            t.put("location", location);
            t.put("resume", resume);
            for (Map.Entry<String, String> e : ats.entrySet()) {
                t.put(CandidateFields.ATS_TEXT_PREFIX + e.getKey(), e.getValue());
            }
            return t;
        }

        /** @return the power and diversity filter values by filter key, as written */
        Map<String, List<String>> facets() {
            Map<String, List<String>> f = new LinkedHashMap<>();
            f.put("location", List.of(location));
            f.put("title", List.of(title));
            f.put("company", List.of(company));
            f.put("pasttitle", pastTitles);
            f.put("pastcompany", pastCompanies);
            f.put("skill", skills);
            f.put("school", education.stream().map(School::school).toList());
            f.put("degree", education.stream().map(School::degree).toList());
            f.put("major", education.stream().map(School::major).toList());
            f.put("industry", List.of(industry));
            f.put("companysize", List.of(companySize));
            f.put("certification", certifications);
            f.put("language", languages);
            f.put("diversity", diversity);
            f.put("group", groups);
            f.put("interest", interests);
            f.put("honor", honors);
            f.put("matched", List.of("false"));
            return f;
        }

        /**
         * @param fields the host's index fields
         * @return the candidate as the host indexes it: analysed text, keywords as spelled and folded (the ATS's values as they are),
         *         numbers, dates and display values — the same flattening as the host's {@code CandidateIndexDocuments}
         */
        IndexedCandidate indexed(CandidateFields fields) {
            Map<String, String> text = new LinkedHashMap<>();
            texts().forEach((k, v) -> text.put(k, Analyzer.analyzed(v)));
            text.put("all", text.values().stream().filter(s -> !s.isEmpty()).collect(Collectors.joining(" ")));
            Map<String, List<String>> keywords = new LinkedHashMap<>();
            facets().forEach((k, values) -> CandidateFields.facet(keywords, k, values.stream()));
            ats.forEach((k, v) -> {
                if (fields.atsTerms().contains(k)) {
                    keywords.put(CandidateFields.ATS_PREFIX + k, List.of(v));
                }
            });
            Map<String, Instant> dates = new LinkedHashMap<>();
            dates.put(CandidateFields.DATE_PREFIX + CandidateFields.UPDATED, updated);
            if (fields.atsDates().contains("lastUpdated")) {
                dates.put(CandidateFields.DATE_PREFIX + "lastUpdated", lastUpdated);
            }
            return new IndexedCandidate("bench/c1/" + id, "c1", id,
                    Map.of("name", name, "title", title, "company", company, "location", location), text, keywords,
                    Map.of(CandidateFields.NUMBER_PREFIX + "yearsexperience", yearsExperience,
                            CandidateFields.NUMBER_PREFIX + "yearsinrole", yearsInRole), dates);
        }
    }

    private static final String[] FIRST = words("James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth "
            + "William Barbara Richard Susan Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy Matthew "
            + "Betty Anthony Margaret Mark Sandra Donald Ashley Steven Kimberly Paul Emily Andrew Donna Joshua Michelle "
            + "Kenneth Carol Kevin Amanda Brian Dorothy George Melissa Timothy Deborah Ronald Stephanie Jason Rebecca Edward "
            + "Sharon Jeffrey Laura Ryan Cynthia Jacob Kathleen Gary Amy Nicholas Angela Eric Shirley Jonathan Anna Stephen "
            + "Brenda Larry Pamela Justin Emma Scott Nicole Brandon Helen Benjamin Samantha Samuel Katherine Gregory Christine "
            + "Alexander Debra Patrick Rachel Frank Carolyn Raymond Janet Jack Maria Dennis Olivia Jerry Heather Tyler Diane "
            + "Aaron Julie José Joyce Adam Victoria Nathan Ruth Henry Virginia Zachary Lauren Douglas Kelly Peter Christina "
            + "Kyle Joan Noah Evelyn Ethan Judith Jeremy Andrea Walter Hannah Christian Megan Keith Cheryl Roger Jacqueline "
            + "Terry Martha Austin Madison Sean Teresa Gerald Gloria Carl Sara Harold Janice Dylan Ann Arthur Kathryn Lawrence "
            + "Abigail Jordan Sophia Jesse Frances Bryan Jean Billy Alice Bruce Judy Gabriel Isabella Joe Julia Logan Grace "
            + "Wei Mei Hiroshi Yuki Priya Rahul Aarav Ananya Mohammed Fatima Ahmed Aisha Chen Li Jörg Zoë Łukasz Søren Renée");
    private static final String[] LAST = words("Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez "
            + "Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris "
            + "Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams "
            + "Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards "
            + "Collins Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed "
            + "Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes "
            + "Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell "
            + "Coleman Butler Henderson Barnes Gonzales Fisher Vasquez Simmons Romero Jordan Patterson Alexander Hamilton "
            + "Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant Herrera Gibson Ellis Tran Medina Aguilar Stevens "
            + "Murray Ford Castro Marshall Owens Harrison Fernandez McDonald Woods Washington Kennedy Wells Vargas Henry Chen "
            + "Freeman Webb Tucker Guzman Burns Crawford Olson Simpson Porter Hunter Gordon Mendez Silva Shaw Snyder Mason "
            + "Dixon Muñoz Hunt Hicks Holmes Palmer Wagner Black Robertson Boyd Rose Stone Salazar Fox Warren Mills Meyer "
            + "Rice Schmidt Garza Daniels Ferguson Nichols Stephens Soto Weaver Ryan Gardner Payne Grant Dunn Kelley Spencer "
            + "Hawkins Arnold Pierce Vazquez Hansen Peters Santos Hart Bradley Knight Elliott Cunningham Duncan Armstrong "
            + "Hudson Carroll Lane Riley Andrews Alvarado Ray Delgado Berry Perkins Hoffman Johnston Matthews Peña Richards "
            + "Müller Schröder Kowalski Nowak Yamamoto Tanaka Suzuki Wang Zhang Liu Singh Kumar Sharma Gupta Okafor Mensah");
    private static final String[] SENIORITY = {"", "Senior", "", "Lead", "Junior", "Staff", "Principal", "Intern",
            "Associate", "Head of"};
    private static final String[] ROLES = words("Software_Engineer Software_Developer Data_Scientist Data_Engineer "
            + "Product_Manager Engineering_Manager Sales_Engineer Account_Executive Recruiter Product_Designer "
            + "DevOps_Engineer QA_Engineer Frontend_Developer Backend_Developer Full_Stack_Developer Machine_Learning_Engineer "
            + "Site_Reliability_Engineer Security_Engineer Business_Analyst Data_Analyst Project_Manager Technical_Writer "
            + "Solutions_Architect Cloud_Architect Mobile_Developer iOS_Developer Android_Developer Network_Engineer "
            + "Systems_Administrator Database_Administrator Marketing_Manager Customer_Success_Manager Sales_Manager "
            + "HR_Generalist Financial_Analyst Accountant Operations_Manager Support_Engineer Research_Scientist "
            + "UX_Researcher Embedded_Engineer Firmware_Engineer Hardware_Engineer Test_Engineer .NET_Developer "
            + "C++_Developer Node.js_Developer R&D_Engineer Mechanical_Engineer Electrical_Engineer Nurse Teacher");
    private static final String[] SKILLS = words("Java Python JavaScript SQL AWS Git Docker Kubernetes React Linux "
            + "TypeScript Spring_Boot Machine_Learning C++ C# .NET Node.js Go Kotlin Scala Rust Ruby PHP Swift "
            + "Objective-C Azure GCP Terraform Ansible Jenkins CI/CD Kafka Spark Hadoop PostgreSQL MySQL MongoDB Redis "
            + "Elasticsearch GraphQL REST Microservices Agile Scrum Jira Excel Tableau Power_BI Pandas NumPy TensorFlow "
            + "PyTorch Deep_Learning NLP Computer_Vision Statistics R Matlab Angular Vue.js HTML CSS Sass Webpack Django "
            + "Flask FastAPI Spring Hibernate Maven Gradle JUnit Selenium Cypress Figma Sketch Photoshop Salesforce HubSpot "
            + "SAP Oracle PL/SQL T-SQL TCP/IP A/B_Testing UI/UX Product_Management Leadership Communication Negotiation "
            + "Public_Speaking Project_Management Six_Sigma Lean Budgeting Forecasting Accounting Payroll Recruiting "
            + "Sourcing Onboarding Customer_Service Sales Marketing SEO Copywriting Content_Strategy Data_Analysis ETL "
            + "Airflow dbt Snowflake BigQuery Redshift Looker Prometheus Grafana Datadog Splunk Nginx Apache Bash "
            + "PowerShell Perl Haskell Erlang Elixir Clojure F# Lua Unity Unreal OpenGL CUDA FPGA VHDL Verilog Embedded_C "
            + "RTOS IoT Blockchain Solidity Cryptography Penetration_Testing SIEM ISO_27001 GDPR HIPAA SOX");
    private static final String[] COMPANY_NAMES = words("Google Amazon Microsoft Apple Meta Netflix IBM Oracle Salesforce "
            + "Adobe Intel Cisco SAP Accenture Deloitte Infosys Wipro Capgemini Stripe Shopify Uber Airbnb Spotify Atlassian "
            + "Twilio Datadog Snowflake Palantir Workday ServiceNow Intuit PayPal eBay LinkedIn Twitter Dropbox Slack Zoom "
            + "Square Coinbase Robinhood DoorDash Instacart Lyft Pinterest Reddit GitHub GitLab HashiCorp Elastic MongoDB "
            + "Confluent Databricks Nvidia AMD Qualcomm Siemens Bosch Philips Ericsson Nokia Vodafone AT&T Verizon Comcast "
            + "JPMorgan Goldman_Sachs Morgan_Stanley Citi Barclays HSBC Walmart Target Costco Pfizer Moderna");
    private static final String[] COMPANY_SUFFIX = {"Inc", "Labs", "Systems", "Technologies", "Group", "Corp",
            "Solutions", "Partners", "Health", "Software", "Analytics", "Networks"};
    private static final String[] CITIES = words("San_Francisco,_CA New_York,_NY Seattle,_WA Austin,_TX Boston,_MA "
            + "Chicago,_IL Los_Angeles,_CA Denver,_CO Atlanta,_GA Toronto,_ON London Berlin Paris Amsterdam Dublin Bangalore "
            + "Hyderabad Singapore Sydney Tel_Aviv Zürich München Kraków Łódź São_Paulo Mexico_City Vancouver,_BC "
            + "Portland,_OR San_Diego,_CA Dallas,_TX Houston,_TX Miami,_FL Phoenix,_AZ Minneapolis,_MN Detroit,_MI "
            + "Philadelphia,_PA Pittsburgh,_PA Raleigh,_NC Nashville,_TN Salt_Lake_City,_UT San_Jose,_CA Washington,_DC "
            + "Baltimore,_MD Columbus,_OH Charlotte,_NC Madrid Barcelona Lisbon Stockholm Copenhagen Oslo Helsinki Warsaw "
            + "Prague Vienna Tokyo Seoul Shanghai Beijing 北京 東京");
    private static final String[] SCHOOLS = words("MIT Stanford_University Harvard_University University_of_California,"
            + "_Berkeley Carnegie_Mellon_University Georgia_Tech University_of_Michigan University_of_Texas_at_Austin "
            + "Cornell_University Princeton_University University_of_Washington ETH_Zürich University_of_Toronto "
            + "Imperial_College_London University_of_Oxford University_of_Cambridge IIT_Bombay IIT_Delhi Tsinghua_University "
            + "Peking_University National_University_of_Singapore Technische_Universität_München École_Polytechnique "
            + "Purdue_University University_of_Illinois Columbia_University New_York_University Boston_University "
            + "Northeastern_University Arizona_State_University Penn_State Ohio_State_University");
    private static final String[] DEGREES = {"Bachelor of Science", "Master of Science", "Bachelor of Arts", "MBA",
            "PhD", "Associate Degree", "Master of Engineering", "Bachelor of Engineering", "High School Diploma"};
    private static final String[] MAJORS = words("Computer_Science Electrical_Engineering Mathematics Physics "
            + "Statistics Economics Business_Administration Finance Marketing Psychology Mechanical_Engineering "
            + "Information_Systems Data_Science Biology Chemistry English History Communications Design Accounting "
            + "Industrial_Engineering Civil_Engineering Philosophy Political_Science Nursing Education Sociology "
            + "Computer_Engineering Operations_Research Linguistics");
    private static final String[] INDUSTRIES = words("Software Internet Financial_Services Banking Healthcare "
            + "Hospital_&_Health_Care Retail E-commerce Telecommunications Consulting Education Government Manufacturing "
            + "Automotive Aerospace Energy Oil_&_Gas Media Entertainment Gaming Insurance Pharmaceuticals Biotechnology "
            + "Real_Estate Logistics Transportation Hospitality Nonprofit Semiconductors Cybersecurity");
    private static final String[] SIZES = {"1-10", "11-50", "51-200", "201-500", "501-1000", "1001-5000", "5001-10000",
            "10001+"};
    private static final String[] CERTIFICATIONS = words("AWS_Certified_Solutions_Architect PMP CISSP "
            + "Certified_Kubernetes_Administrator Google_Cloud_Professional Azure_Fundamentals Scrum_Master CPA CFA "
            + "Six_Sigma_Green_Belt ITIL CompTIA_Security+ Oracle_Certified_Professional Salesforce_Administrator "
            + "Cisco_CCNA Terraform_Associate SHRM-CP PHR");
    private static final String[] GROUPS = words("Women_in_Tech Python_Software_Foundation IEEE_Computer_Society "
            + "Toastmasters_International Product_Hunt_Makers Data_Science_Central Agile_Alliance ACM Rotary_International "
            + "Lean_In_Circles DevOps_Institute UX_Professionals_Association Open_Source_Initiative CNCF_Community");
    private static final String[] INTERESTS = words("Hiking Photography Chess Open_Source Running Cooking Travel "
            + "Machine_Learning Music Volunteering Reading Cycling Startups Gaming Gardening Climbing Sailing Yoga");
    private static final String[] HONORS = words("Dean's_List Employee_of_the_Year Hackathon_Winner Patent_Holder "
            + "Best_Paper_Award Summa_Cum_Laude President's_Club Fulbright_Scholar Top_Performer Speaker_of_the_Year");
    private static final String[] LANGUAGES = words("English Spanish French German Mandarin Hindi Portuguese Arabic "
            + "Japanese Russian Korean Italian Dutch Polish Turkish Vietnamese Swedish Hebrew Tamil Urdu");
    private static final String[] STATUSES = {"New Submission", "Reviewed", "Phone Screen", "Hiring Manager Review",
            "Interviewing", "Second Interview", "Offer Extended", "Offer Accepted", "Hired", "Rejected",
            "Withdrawn", "On Hold", "Not Qualified", "Talent Pool"};
    private static final String[] STAGES = {"Applied", "Screen", "Interview", "Offer", "Hired", "Closed", "Pool",
            "Onboarding"};
    private static final String[] SOURCES = {"LinkedIn", "Indeed", "Company Website", "Employee Referral", "Glassdoor",
            "Agency", "Career Fair", "ZipRecruiter", "Monster", "CareerBuilder", "Dice", "AngelList", "Hired.com",
            "Stack Overflow Jobs", "GitHub", "Twitter", "Facebook", "University Recruiting", "Internal Transfer",
            "Rehire", "Direct Sourcing", "Job Board", "Meetup", "Conference", "Other"};
    private static final String[] COMMON = words("experience team development management project projects design "
            + "customer business data systems software product support requirements solutions quality process processes "
            + "services technical new using including within responsible across multiple teams build built developed "
            + "led managed delivered improved implemented designed created maintained supported collaborated worked "
            + "drove owned launched scaled reduced increased automated migrated optimized mentored trained analyzed "
            + "reported coordinated presented negotiated established streamlined the and of to in for with on a an as "
            + "by from at our their its this that through over into per while both high large key core critical "
            + "performance reliability availability security scalability cost revenue growth efficiency latency "
            + "throughput users clients stakeholders partners engineers developers analysts managers leadership "
            + "strategy roadmap platform infrastructure architecture services applications application pipeline "
            + "pipelines tools tooling framework frameworks libraries integration integrations deployment deployments "
            + "release releases testing tests monitoring alerting incident incidents documentation code reviews review "
            + "best practices standards compliance reporting dashboards metrics analysis insights models model "
            + "algorithms research prototype production environment environments cloud on-premise migration "
            + "modernization internal external global regional enterprise startup company organization department "
            + "division years months quarter annual budget million percent customers markets market sales marketing "
            + "operations finance hiring interviews onboarding culture communication cross-functional agile scrum "
            + "sprints planning estimation prioritization backlog features feature bugs issues fixes patches upgrades "
            + "versions legacy modern real-time batch streaming distributed scalable resilient secure robust efficient "
            + "responsive mobile web backend frontend full-stack end-to-end api apis rest microservices database "
            + "databases queries schema storage caching search indexing learning machine intelligence artificial "
            + "natural language processing vision recommendation personalization ranking experimentation");
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ra", "ne", "to", "vi", "sa", "du", "pe", "ri", "go",
            "na", "zu", "te", "bo", "li", "ma", "xe", "qua", "tri", "ven", "dor", "lin", "mar", "sel", "tor", "ix", "on",
            "ar", "el", "um", "is", "ex", "al", "or"};

    private final String[] titles;
    private final String[] companies;
    private final String[] locations;
    private final String[] skills;
    private final String[] schools;
    private final String[] jobs;
    private final String[] recruiters;
    private final String[] vocabulary;
    private final Zipf titleZipf;
    private final Zipf companyZipf;
    private final Zipf locationZipf;
    private final Zipf skillZipf;
    private final Zipf schoolZipf;
    private final Zipf jobZipf;
    private final Zipf wordZipf;
    private final Zipf small;

    BenchmarkCandidates() {
        SplittableRandom r = new SplittableRandom(42);
        List<String> t = new ArrayList<>();
        for (String role : ROLES) {
            for (String s : SENIORITY) {
                t.add((s.isEmpty() ? "" : s + " ") + role);
            }
        }
        titles = t.toArray(String[]::new);
        companies = concat(COMPANY_NAMES, 4_000, () -> capital(pseudoWord(r, 2, 3)) + " " + COMPANY_SUFFIX[r.nextInt(COMPANY_SUFFIX.length)]);
        locations = concat(CITIES, 600, () -> capital(pseudoWord(r, 2, 3)) + (r.nextBoolean() ? "ville" : " City") + ", "
                + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26)));
        skills = concat(SKILLS, 2_500, () -> capital(pseudoWord(r, 2, 4)));
        schools = concat(SCHOOLS, 900, () -> "University of " + capital(pseudoWord(r, 2, 3)));
        jobs = new String[3_000];
        for (int i = 0; i < jobs.length; i++) {
            jobs[i] = titles[r.nextInt(titles.length)] + " - " + CITIES[r.nextInt(CITIES.length)] + " (Req " + (1000 + i) + ")";
        }
        recruiters = new String[90];
        for (int i = 0; i < recruiters.length; i++) {
            recruiters[i] = FIRST[r.nextInt(FIRST.length)] + " " + LAST[r.nextInt(LAST.length)];
        }
        vocabulary = concat(COMMON, 30_000, () -> pseudoWord(r, 1, 4));
        titleZipf = new Zipf(titles.length, 1.0);
        companyZipf = new Zipf(companies.length, 1.0);
        locationZipf = new Zipf(locations.length, 1.1);
        skillZipf = new Zipf(skills.length, 1.0);
        schoolZipf = new Zipf(schools.length, 0.9);
        jobZipf = new Zipf(jobs.length, 0.8);
        wordZipf = new Zipf(vocabulary.length, 1.05);
        small = new Zipf(40, 1.2);
    }

    /** @param i the candidate's number, from 0 @return candidate {@code i}, the same every time */
    Candidate candidate(long i) {
        SplittableRandom r = new SplittableRandom(0x9E3779B97F4A7C15L * (i + 1));
        String id = Long.toString(i);
        String name = FIRST[r.nextInt(FIRST.length)] + " " + LAST[r.nextInt(LAST.length)];
        String title = titles[titleZipf.sample(r)];
        String company = companies[companyZipf.sample(r)];
        String location = locations[locationZipf.sample(r)];
        int pastJobs = r.nextInt(5);
        List<String> pastTitles = new ArrayList<>();
        List<String> pastCompanies = new ArrayList<>();
        for (int j = 0; j < pastJobs; j++) {
            pastTitles.add(titles[titleZipf.sample(r)]);
            pastCompanies.add(companies[companyZipf.sample(r)]);
        }
        LinkedHashSet<String> skillSet = new LinkedHashSet<>();
        int skillCount = 3 + r.nextInt(14);
        while (skillSet.size() < skillCount) {
            skillSet.add(skills[skillZipf.sample(r)]);
        }
        List<School> education = new ArrayList<>();
        int schoolCount = r.nextInt(10) < 2 ? 0 : 1 + (r.nextInt(3) == 0 ? 1 : 0);
        for (int j = 0; j < schoolCount; j++) {
            education.add(new School(schools[schoolZipf.sample(r)], DEGREES[small.sample(r) % DEGREES.length],
                    MAJORS[small.sample(r) % MAJORS.length]));
        }
        List<String> certifications = r.nextInt(4) == 0 ? List.of(CERTIFICATIONS[small.sample(r) % CERTIFICATIONS.length])
                : List.of();
        List<String> languages = new ArrayList<>(List.of("English"));
        if (r.nextInt(3) == 0) {
            languages.add(LANGUAGES[1 + small.sample(r) % (LANGUAGES.length - 1)]);
        }
        List<String> diversity = new ArrayList<>();
        addIf(r, 18, diversity, "female");
        addIf(r, 6, diversity, "black");
        addIf(r, 7, diversity, "hispanic");
        addIf(r, 8, diversity, "asian");
        addIf(r, 3, diversity, "veteran");
        // from a random of its own, so the candidates' other values are what they were before these were added
        SplittableRandom other = new SplittableRandom(0x632BE59BD9B4E019L * (i + 1));
        List<String> groups = some(other, GROUPS, 3, 2);
        List<String> interests = some(other, INTERESTS, 2, 3);
        List<String> honors = some(other, HONORS, 6, 1);
        Map<String, String> ats = new LinkedHashMap<>();
        ats.put("status", STATUSES[small.sample(r) % STATUSES.length]);
        ats.put("stage", STAGES[small.sample(r) % STAGES.length]);
        ats.put("job", jobs[jobZipf.sample(r)]);
        ats.put("source", SOURCES[small.sample(r) % SOURCES.length]);
        ats.put("recruiter", recruiters[r.nextInt(recruiters.length)]);
        Instant updated = NOW.minusSeconds(r.nextLong(FIVE_YEARS_SECONDS));
        Instant lastUpdated = updated.minus(r.nextInt(30), ChronoUnit.DAYS);
        long years = Math.min(45, pastJobs * 2L + r.nextInt(12));
        long inRole = Math.min(years, r.nextInt(9));
        List<String> skillList = List.copyOf(skillSet);
        return new Candidate(id, name, title, company, location, pastTitles, pastCompanies, skillList, education,
                INDUSTRIES[small.sample(r) % INDUSTRIES.length], SIZES[r.nextInt(SIZES.length)], certifications,
                languages, diversity, groups, interests, honors, ats, updated, lastUpdated, years, inRole,
                resume(r, title, company, pastTitles, pastCompanies, skillList));
    }

    /** A resume of 150 to 350 words: sentences of common and rare words, with the candidate's skills and jobs in them. */
    private String resume(SplittableRandom r, String title, String company, List<String> pastTitles,
                          List<String> pastCompanies, List<String> skillList) {
        StringBuilder b = new StringBuilder(2_600);
        b.append(title).append(" at ").append(company).append(". ");
        for (int j = 0; j < pastTitles.size(); j++) {
            b.append(pastTitles.get(j)).append(", ").append(pastCompanies.get(j)).append(". ");
        }
        int words = 150 + r.nextInt(200);
        boolean start = true;
        for (int w = 0; w < words; w++) {
            int dice = r.nextInt(100);
            String word = dice < 8 ? skillList.get(r.nextInt(skillList.size()))
                    : dice < 10 ? skills[skillZipf.sample(r)]
                    : dice < 11 ? Integer.toString(2 + r.nextInt(98))
                    : vocabulary[wordZipf.sample(r)];
            b.append(start ? capital(word) : word);
            start = false;
            int end = r.nextInt(100);
            if (end < 7) {
                b.append(". ");
                start = true;
            } else if (end < 12) {
                b.append(", ");
            } else {
                b.append(' ');
            }
        }
        return b.append('.').toString();
    }

    /** @return for one candidate in {@code oneIn}, 1 to {@code most} distinct values, the first ones more often */
    private List<String> some(SplittableRandom r, String[] values, int oneIn, int most) {
        if (r.nextInt(oneIn) != 0) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        int n = 1 + r.nextInt(most);
        while (out.size() < n) {
            out.add(values[small.sample(r) % values.length]);
        }
        return List.copyOf(out);
    }

    private static void addIf(SplittableRandom r, int percent, List<String> out, String value) {
        if (r.nextInt(100) < percent) {
            out.add(value);
        }
    }

    private static String[] words(String spaced) {
        return Stream.of(spaced.split(" ")).filter(Objects::nonNull).filter(s -> !s.isEmpty())
                .map(s -> s.replace('_', ' ')).toArray(String[]::new);
    }

    private static String[] concat(String[] known, int generated, java.util.function.Supplier<String> more) {
        LinkedHashSet<String> all = new LinkedHashSet<>(List.of(known));
        while (all.size() < known.length + generated) {
            all.add(more.get());
        }
        return all.toArray(String[]::new);
    }

    private static String pseudoWord(SplittableRandom r, int min, int max) {
        StringBuilder b = new StringBuilder();
        int n = min + r.nextInt(max - min + 1);
        for (int i = 0; i < n; i++) {
            b.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
        }
        return b.toString();
    }

    private static String capital(String w) {
        return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /** Ranks 0..n-1 with probability proportional to 1/(rank+1)^s. */
    private static final class Zipf {
        private final double[] cumulative;

        Zipf(int n, double s) {
            cumulative = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += 1 / Math.pow(i + 1, s);
                cumulative[i] = sum;
            }
            for (int i = 0; i < n; i++) {
                cumulative[i] /= sum;
            }
        }

        int sample(SplittableRandom r) {
            int at = java.util.Arrays.binarySearch(cumulative, r.nextDouble());
            return Math.min(cumulative.length - 1, at >= 0 ? at : -at - 1);
        }
    }
}
