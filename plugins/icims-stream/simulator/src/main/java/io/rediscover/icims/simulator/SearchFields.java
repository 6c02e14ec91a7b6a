package io.rediscover.icims.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The searchable fields per profile type (the subset of [DOC S1]'s filter list the simulator holds data
 * for), their types and how to read them off a record. Filters named in the docs but absent here are
 * answered as "not valid or hidden", which is what a tenant that hides them would say.
 */
final class SearchFields {
    private SearchFields() {
    }

    /** Field types and the operators iCIMS allows on each [DOC S1 operator table]. */
    enum Kind {
        TEXT(Set.of("==", "!==", "=", "!=")),
        NUMBER(Set.of("=", "!=", "<", ">", "<=", ">=")),
        DATETIME(Set.of("=", "!=", "<", ">", "<=", ">=")),
        LIST(Set.of("=", "!=")),
        /** {@code idCSV}: comma-separated system ids. */
        ID_CSV(Set.of("=", "!="));

        private final Set<String> operators;

        Kind(Set<String> operators) {
            this.operators = operators;
        }

        boolean allows(String operator) {
            return operators.contains(operator);
        }
    }

    /** A searchable field: its name after the prefix, its type and its values on a record (never null). */
    record Field(String name, Kind kind, Function<Object, List<?>> values) {
    }

    /** Fields that hold another record's id (a link), per type: only equality is documented for them [DOC S1]. */
    static final Map<ProfileType, Set<String>> REFERENCES = Map.of(
            ProfileType.PERSON, Set.of(),
            ProfileType.JOB, Set.of(),
            ProfileType.APPLICANT_WORKFLOW, Set.of("person.id", "job.id"));

    private static final Map<ProfileType, Map<String, Field>> FIELDS = Map.of(
            ProfileType.PERSON, personFields(),
            ProfileType.JOB, jobFields(),
            ProfileType.APPLICANT_WORKFLOW, workflowFields());

    /** The field named {@code name} (without prefix) on {@code type}, if searchable. */
    static Optional<Field> lookup(ProfileType type, String name) {
        return Optional.ofNullable(FIELDS.get(type).get(name));
    }

    private static Map<String, Field> personFields() {
        Map<String, Field> f = new HashMap<>();
        add(f, "id", Kind.NUMBER, Person.class, p -> one(p.id()));
        add(f, "idCSV", Kind.ID_CSV, Person.class, p -> one(p.id()));
        add(f, IcimsFieldNames.FIRST_NAME, Kind.TEXT, Person.class, p -> one(p.firstname()));
        add(f, IcimsFieldNames.MIDDLE_NAME, Kind.TEXT, Person.class, p -> one(p.middlename()));
        add(f, IcimsFieldNames.LAST_NAME, Kind.TEXT, Person.class, p -> one(p.lastname()));
        add(f, IcimsFieldNames.EMAIL, Kind.TEXT, Person.class, p -> one(p.email()));
        add(f, "emailaddress", Kind.TEXT, Person.class, p -> one(p.email()));
        add(f, IcimsFieldNames.EXTERNAL_ID, Kind.TEXT, Person.class, p -> one(p.externalid()));
        add(f, IcimsFieldNames.FOLDER, Kind.LIST, Person.class, p -> one(p.folder()));
        add(f, IcimsFieldNames.ADDRESS_CITY, Kind.TEXT, Person.class, p -> each(p.addresses(), Address::city));
        add(f, IcimsFieldNames.ADDRESS_STATE, Kind.LIST, Person.class, p -> each(p.addresses(), Address::state));
        add(f, IcimsFieldNames.ADDRESS_ZIP, Kind.TEXT, Person.class, p -> each(p.addresses(), Address::zip));
        add(f, IcimsFieldNames.ADDRESS_COUNTRY, Kind.LIST, Person.class, p -> each(p.addresses(), Address::country));
        add(f, IcimsFieldNames.CREATED_DATE, Kind.DATETIME, Person.class, p -> one(p.createddate()));
        add(f, IcimsFieldNames.UPDATED_DATE, Kind.DATETIME, Person.class, p -> one(p.updateddate()));
        for (String stamp : List.of(IcimsFieldNames.FIRSTNAME_LAST_UPDATED, IcimsFieldNames.LASTNAME_LAST_UPDATED,
                IcimsFieldNames.EMAIL_LAST_UPDATED, IcimsFieldNames.JOBTITLE_LAST_UPDATED,
                IcimsFieldNames.FOLDER_LAST_UPDATED, IcimsFieldNames.ADDRESS_LAST_UPDATED)) {
            add(f, stamp, Kind.DATETIME, Person.class, p -> one(p.stamp(stamp)));
        }
        return Map.copyOf(f);
    }

    private static Map<String, Field> jobFields() {
        Map<String, Field> f = new HashMap<>();
        add(f, "id", Kind.NUMBER, Job.class, j -> one(j.id()));
        add(f, "idCSV", Kind.ID_CSV, Job.class, j -> one(j.id()));
        add(f, IcimsFieldNames.FOLDER, Kind.LIST, Job.class, j -> one(j.folder()));
        add(f, IcimsFieldNames.JOB_NUMBER, Kind.TEXT, Job.class, j -> one(j.jobid()));
        add(f, IcimsFieldNames.EXTERNAL_ID, Kind.TEXT, Job.class, j -> one(j.externalid()));
        add(f, IcimsFieldNames.JOB_TITLE, Kind.TEXT, Job.class, j -> one(j.jobtitle()));
        add(f, IcimsFieldNames.CREATED_DATE, Kind.DATETIME, Job.class, j -> one(j.createddate()));
        add(f, IcimsFieldNames.UPDATED_DATE, Kind.DATETIME, Job.class, j -> one(j.updateddate()));
        return Map.copyOf(f);
    }

    /** {@code applicantworkflow.id} is used for paging in practice though not listed [OBS C6]; createddate is not listed [DOC S1]. */
    private static Map<String, Field> workflowFields() {
        Map<String, Field> f = new HashMap<>();
        add(f, "id", Kind.NUMBER, Workflow.class, w -> one(w.id()));
        add(f, "person.id", Kind.NUMBER, Workflow.class, w -> one(w.personId()));
        add(f, "job.id", Kind.NUMBER, Workflow.class, w -> one(w.jobId()));
        add(f, IcimsFieldNames.BIN, Kind.LIST, Workflow.class, w -> one(w.bin()));
        add(f, IcimsFieldNames.STATUS, Kind.LIST, Workflow.class, w -> one(w.status()));
        add(f, IcimsFieldNames.UPDATED_DATE, Kind.DATETIME, Workflow.class, w -> one(w.updateddate()));
        return Map.copyOf(f);
    }

    private static <R> void add(Map<String, Field> fields, String name, Kind kind, Class<R> recordType,
                                Function<R, List<?>> values) {
        fields.put(name, new Field(name, kind, record -> values.apply(recordType.cast(record))));
    }

    private static List<?> one(Object value) {
        return value == null ? List.of() : List.of(value);
    }

    private static <E> List<?> each(List<E> entries, Function<E, ?> part) {
        List<Object> out = new ArrayList<>(entries.size());
        for (E e : entries) {
            Object v = part.apply(e);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }
}
