package io.rediscover.mirror;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RecordMergeTest {

    private final ObjectMapper json = new ObjectMapper();

    private ObjectNode obj(String s) throws Exception {
        return (ObjectNode) json.readTree(s);
    }

    @Test
    void absentFieldsNeverBlankStoredValues() throws Exception {
        ObjectNode stored = obj("""
                {"firstName":"Ana","lastName":"Torres","emails":["ana@example.com"],"phones":["555"],
                 "location":{"city":"Seattle","country":"US"},"attributes":{"status":["Hired"]}}""");
        ObjectNode incoming = obj("""
                {"firstName":"Ana María","lastName":null,"emails":[],"phones":["556"],"location":{"city":null,"region":"WA"},
                 "attributes":{}}""");
        ObjectNode merged = RecordMerge.merge(stored, incoming);
        assertThat(merged.get("firstName").asText()).isEqualTo("Ana María");
        assertThat(merged.get("lastName").asText()).isEqualTo("Torres");
        assertThat(merged.get("emails").get(0).asText()).isEqualTo("ana@example.com");
        assertThat(merged.get("phones").get(0).asText()).isEqualTo("556");
        assertThat(merged.at("/location/city").asText()).isEqualTo("Seattle");
        assertThat(merged.at("/location/region").asText()).isEqualTo("WA");
        assertThat(merged.at("/attributes/status/0").asText()).isEqualTo("Hired");
        assertThat(stored.get("firstName").asText()).isEqualTo("Ana");
    }

    @Test
    void olderVersionsAndPreDeletionVersionsAreIgnored() {
        Instant t1 = Instant.parse("2026-01-01T10:00:00Z");
        Instant t2 = t1.plusSeconds(60);
        assertThat(RecordMerge.isNewer(null, null, t1)).isTrue();
        assertThat(RecordMerge.isNewer(t1, null, t2)).isTrue();
        assertThat(RecordMerge.isNewer(t2, null, t1)).isFalse();
        assertThat(RecordMerge.isNewer(t1, null, t1)).isTrue();
        assertThat(RecordMerge.isNewer(t1, t2, t2)).isFalse();
        assertThat(RecordMerge.isNewer(t1, t2, t2.plusSeconds(1))).isTrue();
    }
}
