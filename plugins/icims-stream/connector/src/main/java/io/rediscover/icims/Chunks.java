package io.rediscover.icims;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Ids in page-sized chunks, so records read outside a search still go in pages of {@link IcimsClient#PAGE}. */
final class Chunks {

    private Chunks() {
    }

    static List<List<Long>> of(Collection<Long> ids) {
        List<List<Long>> out = new ArrayList<>();
        List<Long> current = new ArrayList<>();
        for (long id : ids) {
            current.add(id);
            if (current.size() == IcimsClient.PAGE) {
                out.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }
}
