package vn.citizenqa.core.search;

import java.util.EnumMap;
import java.util.Map;

import vn.citizenqa.core.search.SearchField.Source;

/**
 * The weights of the search, tuned on the development question set (never on the held-out one) with
 * {@code index-builder evaluate --tune}.
 *
 * @param weight     boost of each part of a procedure
 * @param k1         BM25 k1 of each part (term-frequency saturation)
 * @param b          BM25 b of each part (length normalisation; short parts want little)
 * @param accented   extra weight of the accented fields over the folded ones: rewards a message typed with
 *                   diacritics for matching them exactly
 * @param bigrams    weight of the bigram fields relative to the syllable fields
 * @param fuzzyMinLength the shortest folded syllable, unknown to the knowledge base, that is matched with
 *                   one typo; shorter ones are too ambiguous in Vietnamese
 */
public record SearchTuning(
        Map<Source, Float> weight,
        Map<Source, Float> k1,
        Map<Source, Float> b,
        float accented,
        float bigrams,
        int fuzzyMinLength) {

    public SearchTuning {
        weight = new EnumMap<>(weight);
        k1 = new EnumMap<>(k1);
        b = new EnumMap<>(b);
    }

    public static final SearchTuning DEFAULT = new SearchTuning(
            Map.of(Source.TITLE, 3f, Source.ALIASES, 2.5f, Source.SAMPLES, 2f, Source.BODY, 0.5f),
            Map.of(Source.TITLE, 1.2f, Source.ALIASES, 1.2f, Source.SAMPLES, 1.2f, Source.BODY, 1.2f),
            Map.of(Source.TITLE, 0.3f, Source.ALIASES, 0.3f, Source.SAMPLES, 0.5f, Source.BODY, 0.75f),
            0.5f, 1.5f, 5);

    public float weight(SearchField f) {
        float w = weight.get(f.source()) * (f.bigrams() ? bigrams : 1f);
        return f.form() == vn.citizenqa.core.analysis.VietnameseAnalysis.Form.ACCENTED ? w * accented : w;
    }

    @Override
    public String toString() {
        return "weight " + weight + " k1 " + k1 + " b " + b + " accented " + accented + " bigrams " + bigrams
                + " fuzzyMinLength " + fuzzyMinLength;
    }

    public SearchTuning withWeight(Source s, float w) {
        Map<Source, Float> m = new EnumMap<>(weight);
        m.put(s, w);
        return new SearchTuning(m, k1, b, accented, bigrams, fuzzyMinLength);
    }

    public SearchTuning withK1(Source s, float v) {
        Map<Source, Float> m = new EnumMap<>(k1);
        m.put(s, v);
        return new SearchTuning(weight, m, b, accented, bigrams, fuzzyMinLength);
    }

    public SearchTuning withB(Source s, float v) {
        Map<Source, Float> m = new EnumMap<>(b);
        m.put(s, v);
        return new SearchTuning(weight, k1, m, accented, bigrams, fuzzyMinLength);
    }

    public SearchTuning withAccented(float v) {
        return new SearchTuning(weight, k1, b, v, bigrams, fuzzyMinLength);
    }

    public SearchTuning withBigrams(float v) {
        return new SearchTuning(weight, k1, b, accented, v, fuzzyMinLength);
    }

    public SearchTuning withFuzzyMinLength(int v) {
        return new SearchTuning(weight, k1, b, accented, bigrams, v);
    }
}
