package io.rediscover.profiles;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Blocking keys: two spellings of one name meet on a key; two different names do not. */
class NameKeysTest {

    private static Set<String> keys(String first, String last) {
        return NameKeys.of(first, null, last, List.of());
    }

    private static Set<String> strong(Set<String> keys) {
        return keys.stream().filter(Predicate.not(NameKeys::isWeak)).collect(java.util.stream.Collectors.toSet());
    }

    private static boolean meetStrongly(Set<String> a, Set<String> b) {
        return strong(a).stream().anyMatch(b::contains);
    }

    private static boolean meet(Set<String> a, Set<String> b) {
        return a.stream().anyMatch(b::contains);
    }

    @Test
    void foldingRemovesCaseAccentsAndPunctuation() {
        assertThat(NameKeys.fold("García-Márquez")).isEqualTo("garcia marquez");
        assertThat(NameKeys.fold("O'Brien")).isEqualTo("obrien");
        assertThat(NameKeys.fold("  Łukasz  Żółć ")).isEqualTo("lukasz zolc");
        assertThat(NameKeys.fold("Straße")).isEqualTo("strasse");
        assertThat(NameKeys.fold("Søren Ærø")).isEqualTo("soren aero");
        assertThat(NameKeys.fold("Dr. J.R.R. Tolkien")).isEqualTo("dr j r r tolkien");
        assertThat(NameKeys.fold("王小明")).isEqualTo("王小明");
        assertThat(NameKeys.fold(null)).isEmpty();
    }

    @Test
    void theStrongKeyIsTheSurnameWithTheCanonicalFirstName() {
        assertThat(keys("William", "Smith")).contains("n:smith|william").contains("i:smith|w").contains("i:william|s");
        assertThat(keys("Bill", "Smith")).contains("n:smith|william");
    }

    @Test
    void nicknamesOfManyOriginsMeetTheirNames() {
        List<List<String>> same = List.of(List.of("William", "Bill"), List.of("William", "Liam"), List.of("Robert", "Bob"),
                List.of("Robert", "Rob"), List.of("Alexander", "Sasha"), List.of("Alexander", "Alex"), List.of("José", "Pepe"),
                List.of("Francisco", "Paco"), List.of("Francisco", "Pancho"), List.of("Mohammed", "Muhammad"),
                List.of("Mohammed", "Mohamed"), List.of("Katherine", "Kate"), List.of("Katherine", "Kathy"),
                List.of("Catherine", "Katherine"), List.of("Kate", "Catherine"), List.of("Dmitri", "Dima"),
                List.of("Oluwaseun", "Seun"), List.of("Margaret", "Peggy"), List.of("Aleksandr", "Alexander"));
        for (List<String> pair : same) {
            assertThat(meetStrongly(keys(pair.get(0), "Moreno"), keys(pair.get(1), "Moreno"))).as("%s", pair).isTrue();
            assertThat(Nicknames.sameName(pair.get(0), pair.get(1))).as("%s", pair).isTrue();
        }
        assertThat(meetStrongly(keys("William", "Moreno"), keys("Robert", "Moreno"))).isFalse();
        assertThat(Nicknames.sameName("Jean", "John")).isTrue();
        assertThat(Nicknames.sameName("Jean", "Jane")).isTrue();
        assertThat(Nicknames.sameName("Jane", "John")).as("no transitive closure through Jean").isFalse();
        assertThat(Nicknames.forms("Zbigniew")).containsExactly("zbigniew");
        assertThat(Nicknames.forms("Anna")).as("a short form is a name of its own too").contains("anna", "johanna");
    }

    @Test
    void accentsAndCaseDoNotMatter() {
        assertThat(keys("JOSÉ", "NÚÑEZ")).isEqualTo(keys("jose", "nunez"));
        assertThat(keys("Zoë", "Brontë")).isEqualTo(keys("Zoe", "Bronte"));
    }

    @Test
    void initialsMeetOnTheWeakKeyOnly() {
        Set<String> initial = keys("J.", "Smith");
        assertThat(strong(initial)).isEmpty();
        assertThat(initial).contains("i:smith|j");
        assertThat(meet(initial, keys("John", "Smith"))).isTrue();
        assertThat(meet(initial, keys("Mary", "Smith"))).isFalse();
        // A first initial and the name the person goes by
        assertThat(meetStrongly(NameKeys.of("J.", "Robert", "Smith", List.of()), keys("Robert", "Smith"))).isTrue();
        assertThat(meetStrongly(keys("J Robert", "Smith"), keys("Bob", "Smith"))).isTrue();
    }

    @Test
    void aMisspeltFirstNameMeetsOnTheWeakKeyAndAMisspeltSurnameOnTheOtherWeakKey() {
        assertThat(meetStrongly(keys("Jonh", "Smith"), keys("John", "Smith"))).isFalse();
        assertThat(keys("Jonh", "Smith")).contains("i:smith|j");
        assertThat(meet(keys("Jonh", "Smith"), keys("John", "Smith"))).isTrue();
        assertThat(meet(keys("John", "Smtih"), keys("John", "Smith"))).isTrue(); // i:john|s
        assertThat(meet(keys("Bill", "Smtih"), keys("William", "Smith"))).isTrue(); // i:william|s
    }

    @Test
    void swappedFirstAndLastNamesMeet() {
        assertThat(meetStrongly(keys("Smith", "John"), keys("John", "Smith"))).isTrue();
        assertThat(meetStrongly(keys("Wei", "Zhang"), keys("Zhang", "Wei"))).isTrue();
        assertThat(meetStrongly(keys("Smith", "Bill"), keys("William", "Smith"))).isTrue();
        assertThat(meetStrongly(NameKeys.of(null, null, "Smith John", List.of()), keys("John", "Smith"))).isTrue();
        assertThat(meetStrongly(NameKeys.of("John Smith", null, null, List.of()), keys("John", "Smith"))).isTrue();
    }

    @Test
    void compoundAndHyphenatedSurnamesMeetTheirParts() {
        Set<String> garciaMarquez = keys("Gabriel", "García Márquez");
        assertThat(garciaMarquez).contains("n:gabriel|garciamarquez", "n:gabriel|garcia", "n:gabriel|marquez");
        assertThat(meetStrongly(keys("Gabriel", "Garcia"), garciaMarquez)).isTrue();
        assertThat(meetStrongly(keys("Gabriel", "Márquez"), garciaMarquez)).isTrue();
        assertThat(meetStrongly(keys("Gabriel", "García-Márquez"), garciaMarquez)).isTrue();
        assertThat(meetStrongly(keys("Gabe", "garciamarquez"), garciaMarquez)).isTrue();

        Set<String> vanDerBerg = keys("Anna", "van der Berg");
        assertThat(vanDerBerg).contains("n:anna|vanderberg", "n:anna|berg");
        assertThat(meetStrongly(keys("Anna", "Berg"), vanDerBerg)).isTrue();
        assertThat(meetStrongly(keys("Anna", "Vanderberg"), vanDerBerg)).isTrue();
        assertThat(meetStrongly(keys("Anna", "Van Der Berg"), vanDerBerg)).isTrue();
        assertThat(vanDerBerg).doesNotContain("n:anna|van", "n:anna|der");

        assertThat(keys("Conan", "O'Brien")).contains("n:conan|obrien");
        assertThat(meetStrongly(keys("Conan", "OBrien"), keys("Conan", "O'Brien"))).isTrue();
        assertThat(meetStrongly(keys("Conan", "O Brien"), keys("Conan", "O'Brien"))).isTrue();
        assertThat(meetStrongly(keys("Mary", "Smith-Jones"), keys("Mary", "Jones"))).isTrue();
        assertThat(meetStrongly(keys("Mary", "Smith-Jones"), keys("Mary", "Brown"))).isFalse();
    }

    @Test
    void compoundFirstNamesMeetTheirFirstPart() {
        assertThat(meetStrongly(keys("Ana María", "Torres"), keys("Ana", "Torres"))).isTrue();
        assertThat(meetStrongly(keys("Jean-Luc", "Picard"), keys("Jean", "Picard"))).isTrue();
        assertThat(meetStrongly(keys("Jean-Luc", "Picard"), keys("Jeanluc", "Picard"))).isTrue();
    }

    @Test
    void aliasesAddTheirKeys() {
        Set<String> withAlias = NameKeys.of("Margaret", null, "Thatcher", List.of("Margaret Roberts", "Maggie"));
        assertThat(meetStrongly(keys("Margaret", "Roberts"), withAlias)).isTrue();
        assertThat(withAlias).contains("n:margaret|thatcher");
        assertThat(NameKeys.ofFullName("ana maría torres")).contains("n:ana|torres", "n:maria|torres");
    }

    @Test
    void noKeysWithoutBothNamesAndNeverTooMany() {
        assertThat(keys("Madonna", null)).isEmpty();
        assertThat(keys(null, null)).isEmpty();
        assertThat(keys("  ", "Smith")).isEmpty();
        Set<String> many = NameKeys.of("Alex Sam Chris Pat", "Alex Sam Chris", "De La Cruz Y Garcia Lopez Perez",
                List.of("Alex Lopez", "Sam Perez", "Chris Garcia"));
        assertThat(many).hasSizeLessThanOrEqualTo(NameKeys.MAX_KEYS);
        assertThat(many.iterator().next()).startsWith(NameKeys.STRONG);
    }
}
