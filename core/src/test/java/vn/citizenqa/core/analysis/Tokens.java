package vn.citizenqa.core.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Test helper: the terms a stream produces. */
final class Tokens {

    private Tokens() {
    }

    static List<String> of(Analyzer analyzer, String text) {
        try (TokenStream ts = analyzer.tokenStream("f", text)) {
            return drain(ts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whitespace-tokenizes the text and runs one filter over it. */
    static List<String> filtered(String text, Function<TokenStream, TokenStream> filter) {
        Tokenizer tokenizer = new WhitespaceTokenizer();
        tokenizer.setReader(new StringReader(text));
        try (TokenStream ts = filter.apply(tokenizer)) {
            return drain(ts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> drain(TokenStream ts) throws IOException {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        List<String> out = new ArrayList<>();
        ts.reset();
        while (ts.incrementToken()) {
            out.add(term.toString());
        }
        ts.end();
        return out;
    }
}
