package io.rediscover.icims.simulator;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text of a resume, laid out format-independently: a name, contact lines, titled sections, and an
 * optional footer line (some people print their LinkedIn URL only there). Writers for PDF and DOCX turn
 * it into files.
 */
record ResumeDocument(String name, List<String> contactLines, List<Section> sections, String footer) {
    /** A titled block of lines. */
    record Section(String title, List<String> lines) {
    }

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.US);

    /** Builds the document for a person from the tenant's current data. */
    static ResumeDocument of(Person p, PersonDetails d) {
        String name = p.middlename() == null ? p.displayName() : p.firstname() + " " + p.middlename() + " " + p.lastname();
        List<String> contact = new ArrayList<>();
        List<String> first = new ArrayList<>();
        if (p.email() != null) {
            first.add(p.email());
        }
        if (!p.phones().isEmpty()) {
            first.add(p.phones().get(0).phonenumber());
        }
        if (!p.addresses().isEmpty()) {
            Address a = p.addresses().get(0);
            first.add(a.city() + (a.state() != null ? ", " + a.state().value() : "") + (a.country() != null ? ", " + a.country().value() : ""));
        }
        contact.add(String.join("  |  ", first));
        List<String> links = new ArrayList<>();
        ResumeSpec spec = d.resume();
        if (spec.linkedinPlacement() == ResumeSpec.LinkedinPlacement.HEADER && p.linkedinUrl() != null) {
            links.add(p.linkedinUrl());
        }
        if (spec.githubUrl() != null) {
            links.add(spec.githubUrl());
        }
        if (!links.isEmpty()) {
            contact.add(String.join("  |  ", links));
        }
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("Summary", List.of(spec.summary())));
        if (!d.workexperience().isEmpty()) {
            List<String> lines = new ArrayList<>();
            for (WorkExperience w : d.workexperience()) {
                lines.add(w.title() + ", " + w.employer() + " (" + month(w.start()) + " - " + (w.current() ? "Present" : month(w.end())) + ")");
            }
            sections.add(new Section("Experience", lines));
        }
        if (!d.education().isEmpty()) {
            List<String> lines = new ArrayList<>();
            for (Education e : d.education()) {
                StringBuilder sb = new StringBuilder();
                if (e.degree() != null) {
                    sb.append(e.degree().value());
                }
                if (e.major() != null) {
                    sb.append(sb.length() > 0 ? " in " : "").append(e.major().value());
                }
                sb.append(sb.length() > 0 ? ", " : "").append(e.school().value());
                if (e.graduation() != null) {
                    sb.append(" (").append(e.graduation().getYear()).append(')');
                }
                lines.add(sb.toString());
            }
            sections.add(new Section("Education", lines));
        }
        if (!d.skills().isEmpty()) {
            sections.add(new Section("Skills", List.of(String.join(", ", d.skills()))));
        }
        String footer = spec.linkedinPlacement() == ResumeSpec.LinkedinPlacement.FOOTER && p.linkedinUrl() != null
                ? name + "  -  " + p.linkedinUrl() : null;
        return new ResumeDocument(name, contact, sections, footer);
    }

    private static String month(LocalDate date) {
        return date == null ? "" : MONTH.format(date);
    }

    /** File name in the style people upload, e.g. {@code Ana_Torres_Resume.pdf}. */
    static String fileName(Person p, ResumeSpec.Format format) {
        return (Vocabulary.asciiSlug(p.firstname()) + "_" + Vocabulary.asciiSlug(p.lastname()) + "_resume." + format.extension());
    }
}
