package vn.citizenqa.core.search;

import java.util.List;

/**
 * The procedures found for one message, best first, and what the confidence gate needs to know about the
 * message itself.
 *
 * @param meaningfulWords how many words of the message carry meaning (not function words)
 * @param unknownWords    how many of those neither the knowledge base nor the lexicon knows
 * @param diacritics      the message was typed with diacritics (its accented fields were searched too, so
 *                        its scores run higher)
 */
public record SearchResult(List<SearchHit> hits, int meaningfulWords, int unknownWords, boolean diacritics) {

    public static final SearchResult EMPTY = new SearchResult(List.of(), 0, 0, false);

    public SearchResult {
        hits = List.copyOf(hits);
    }

    public boolean isEmpty() {
        return hits.isEmpty();
    }
}
