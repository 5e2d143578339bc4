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
 * @param names      how much a procedure gains when the message contains its name: the score is multiplied
 *                   by {@code 1 + names × share}, the share being the largest part of the title or of an
 *                   alias found in the message ("đăng ký thường trú" names all of its own title but only four
 *                   fifths of "xóa đăng ký thường trú")
 */
public record SearchTuning(
        Map<Source, Float> weight,
        Map<Source, Float> k1,
        Map<Source, Float> b,
        float accented,
        float bigrams,
        int fuzzyMinLength,
        float names) {

    public SearchTuning {
        weight = new EnumMap<>(weight);
        k1 = new EnumMap<>(k1);
        b = new EnumMap<>(b);
    }

    /**
     * Tuned on knowledge/eval/questions.tsv. The title's own fields end at weight 0: the title counts through
     * {@code names}, which rewards a message naming all of it and penalises none of it being there.
     */
    public static final SearchTuning DEFAULT = new SearchTuning(
            Map.of(Source.TITLE, 0f, Source.ALIASES, 2f, Source.SAMPLES, 2f, Source.BODY, 1.5f),
            Map.of(Source.TITLE, 1.2f, Source.ALIASES, 1.2f, Source.SAMPLES, 1.2f, Source.BODY, 1.2f),
            Map.of(Source.TITLE, 0.3f, Source.ALIASES, 0.3f, Source.SAMPLES, 0.5f, Source.BODY, 0.75f),
            0.5f, 1.5f, 5, 1f);

    public float weight(SearchField f) {
        return weight(f.source(), f.form(), f.bigrams());
    }

    public float weight(Source source, vn.citizenqa.core.analysis.VietnameseAnalysis.Form form, boolean bigramField) {
        float w = weight.get(source) * (bigramField ? bigrams : 1f);
        return form == vn.citizenqa.core.analysis.VietnameseAnalysis.Form.ACCENTED ? w * accented : w;
    }

    @Override
    public String toString() {
        return "weight " + weight + " k1 " + k1 + " b " + b + " accented " + accented + " bigrams " + bigrams
                + " fuzzyMinLength " + fuzzyMinLength + " names " + names;
    }

    public SearchTuning withWeight(Source s, float w) {
        Map<Source, Float> m = new EnumMap<>(weight);
        m.put(s, w);
        return new SearchTuning(m, k1, b, accented, bigrams, fuzzyMinLength, names);
    }

    public SearchTuning withK1(Source s, float v) {
        Map<Source, Float> m = new EnumMap<>(k1);
        m.put(s, v);
        return new SearchTuning(weight, m, b, accented, bigrams, fuzzyMinLength, names);
    }

    public SearchTuning withB(Source s, float v) {
        Map<Source, Float> m = new EnumMap<>(b);
        m.put(s, v);
        return new SearchTuning(weight, k1, m, accented, bigrams, fuzzyMinLength, names);
    }

    public SearchTuning withAccented(float v) {
        return new SearchTuning(weight, k1, b, v, bigrams, fuzzyMinLength, names);
    }

    public SearchTuning withBigrams(float v) {
        return new SearchTuning(weight, k1, b, accented, v, fuzzyMinLength, names);
    }

    public SearchTuning withFuzzyMinLength(int v) {
        return new SearchTuning(weight, k1, b, accented, bigrams, v, names);
    }

    public SearchTuning withNames(float v) {
        return new SearchTuning(weight, k1, b, accented, bigrams, fuzzyMinLength, v);
    }
}
