package vn.citizenqa.core.analysis;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The analysis chains, built from the small filters of this package:
 * <pre>
 *   NFC → StandardTokenizer (one token a syllable) → lower case → one tone placement   = accented
 *   … → diacritics removed, đ → d                                                        = folded
 *   either → syllable bigrams ("tạm trú", "tam tru"), no single syllables                = bigrams
 *   accented → lexicon expansion (query time only)                                       = query
 * </pre>
 */
public final class VietnameseAnalysis {

    /** Separator inside a bigram term: a space, so a bigram reads like the two syllables. */
    public static final String BIGRAM_SEPARATOR = " ";

    public enum Form {
        ACCENTED, FOLDED
    }

    private VietnameseAnalysis() {
    }

    /** The index-time chain for one kind of field. */
    public static Analyzer indexAnalyzer(Form form, boolean bigrams) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = base(tokenizer);
                if (form == Form.FOLDED) {
                    stream = new DiacriticFoldingFilter(stream);
                }
                if (bigrams) {
                    stream = bigrams(stream);
                }
                return new TokenStreamComponents(tokenizer, stream);
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new NfcCharFilter(reader);
            }

            @Override
            public int getPositionIncrementGap(String fieldName) {
                return 100; // a phrase never spans two values (two sample questions)
            }
        };
    }

    /** The query chain: accented syllables with the lexicon's readings added as a token graph. */
    public static Analyzer queryAnalyzer(Lexicon lexicon) {
        SynonymMap map = lexicon.synonymMap();
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = base(tokenizer);
                if (map != null) {
                    stream = new SynonymGraphFilter(stream, map, true);
                }
                return new TokenStreamComponents(tokenizer, stream);
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new NfcCharFilter(reader);
            }
        };
    }

    static TokenStream base(Tokenizer tokenizer) {
        return new ToneMarkFilter(new LowerCaseFilter(tokenizer));
    }

    static TokenStream bigrams(TokenStream stream) {
        ShingleFilter shingles = new ShingleFilter(stream, 2, 2);
        shingles.setOutputUnigrams(false);
        shingles.setOutputUnigramsIfNoShingles(false);
        shingles.setTokenSeparator(BIGRAM_SEPARATOR);
        return shingles;
    }

    private static final Analyzer PLAIN = indexAnalyzer(Form.ACCENTED, false);

    /** The accented syllables of a text as the index sees them: for vocabulary keys and cues. */
    public static List<String> syllables(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = PLAIN.tokenStream("", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
