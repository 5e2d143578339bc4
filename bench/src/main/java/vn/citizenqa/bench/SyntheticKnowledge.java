package vn.citizenqa.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import vn.citizenqa.core.model.Procedure;

/**
 * Larger knowledge bases made from the real one, for the scale figures: the real procedures first, then variants
 * of them, taken in turn, as a province's own version of a procedure would read — "Đăng ký tạm trú tại Gia Lai" —
 * with words of titles, aliases, sample questions, documents and steps swapped or added from the knowledge base's
 * own vocabulary.
 * The variants share the real ones' terms, so posting lists grow with the size as they would. A fixed seed gives
 * the same knowledge base every run.
 */
final class SyntheticKnowledge {

    static final long SEED = 20_260_301L;

    /** The 34 provinces and cities, as a variant's locality. */
    private static final List<String> PLACES = List.of("Hà Nội", "Huế", "Đà Nẵng", "Hải Phòng", "Cần Thơ",
            "TP. Hồ Chí Minh", "Cao Bằng", "Lạng Sơn", "Lai Châu", "Điện Biên", "Sơn La", "Tuyên Quang", "Lào Cai",
            "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Ninh Bình", "Quảng Trị", "Quảng Ngãi", "Gia Lai",
            "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Đồng Nai", "Tây Ninh", "Vĩnh Long", "Đồng Tháp", "Cà Mau",
            "An Giang", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Ninh");

    private SyntheticKnowledge() {
    }

    /** {@code total} procedures: the real ones (cut to {@code total} when it is smaller), then variants. */
    static List<Procedure> generate(List<Procedure> real, int total, long seed) {
        if (real.isEmpty()) {
            throw new IllegalArgumentException("no procedures to vary");
        }
        if (total <= real.size()) {
            return List.copyOf(real.subList(0, total));
        }
        List<String> vocabulary = vocabulary(real);
        Random random = new Random(seed);
        List<Procedure> out = new ArrayList<>(total);
        out.addAll(real);
        for (int i = real.size(); i < total; i++) {
            Procedure base = real.get(i % real.size());
            String place = PLACES.get(random.nextInt(PLACES.size()));
            out.add(new Procedure(
                    base.id() + "-" + i,
                    vary(base.title(), random, vocabulary) + " tại " + place,
                    base.titleEn(),
                    base.code() == null ? null : base.code() + "." + i,
                    base.category(),
                    base.agency() == null ? null : base.agency() + " " + place,
                    base.eligibility(),
                    base.documents().stream().map(d -> vary(d, random, vocabulary)).toList(),
                    base.steps().stream().map(st -> vary(st, random, vocabulary)).toList(),
                    base.processingTime(),
                    base.fee(),
                    base.online(),
                    base.legalBasis(),
                    base.officialLink(),
                    base.reviewed(),
                    base.sampleQuestions().stream()
                            .map(q -> vary(q, random, vocabulary) + (random.nextBoolean() ? " ở " + place : "")).toList(),
                    base.aliases().stream().map(a -> vary(a, random, vocabulary)).toList(),
                    base.notes()));
        }
        return out;
    }

    /** One word swapped for a vocabulary word, one inserted, each half the time. */
    static String vary(String text, Random random, List<String> vocabulary) {
        List<String> words = new ArrayList<>(List.of(text.strip().split("\\s+")));
        if (random.nextBoolean() && !words.isEmpty()) {
            words.set(random.nextInt(words.size()), vocabulary.get(random.nextInt(vocabulary.size())));
        }
        if (random.nextBoolean()) {
            words.add(random.nextInt(words.size() + 1), vocabulary.get(random.nextInt(vocabulary.size())));
        }
        return String.join(" ", words);
    }

    /** Every word of the titles, aliases and sample questions, in a fixed order. */
    static List<String> vocabulary(List<Procedure> procedures) {
        TreeSet<String> words = new TreeSet<>();
        for (Procedure p : procedures) {
            addWords(words, p.title());
            p.aliases().forEach(a -> addWords(words, a));
            p.sampleQuestions().forEach(q -> addWords(words, q));
        }
        return List.copyOf(words);
    }

    private static void addWords(TreeSet<String> words, String text) {
        for (String w : text.split("[\\s\\p{Punct}]+")) {
            if (!w.isBlank()) {
                words.add(w);
            }
        }
    }
}
