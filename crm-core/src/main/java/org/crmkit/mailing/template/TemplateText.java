package org.crmkit.mailing.template;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;

import org.crmkit.common.ValidationException;

/**
 * One checked piece of a template (a subject, a body, an SMS text): Mustache source that uses
 * only variables of a {@link TemplateVocabulary}, has balanced sections, no partials ({@code {{> }}}),
 * no unescaped output ({@code {{{ }}}}, {@code {{& }}}) and no change of delimiters. Built once,
 * compiled once, rendered many times; values are never read as template syntax, so a name such as
 * {@code {{client.code}}} or {@code <b>} prints as it is (HTML-escaped in an {@link Escaping#HTML}
 * text).
 *
 * <p>Immutable; equal when the source and the escaping are equal.
 */
public final class TemplateText {
    /** How values are written into the text. */
    public enum Escaping {
        /** Values are HTML-escaped ({@code <} → {@code &lt;}, quotes, ampersands): for HTML bodies. */
        HTML,
        /** Values are written as they are: for subjects, text bodies and SMS. */
        NONE
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_][A-Za-z0-9_-]*)*");

    private final String field;
    private final String source;
    private final Escaping escaping;
    private final Set<String> variables;
    private final Mustache compiled;

    private TemplateText(String field, String source, Escaping escaping, Set<String> variables, Mustache compiled) {
        this.field = field;
        this.source = source;
        this.escaping = escaping;
        this.variables = variables;
        this.compiled = compiled;
    }

    /**
     * Checks and compiles {@code source}; a refusal is a {@link ValidationException} naming
     * {@code field} and the offending tag or variable with its line and column.
     *
     * @param maxLength the longest source accepted, in characters
     */
    public static TemplateText parse(String field, String source, Escaping escaping, TemplateVocabulary vocabulary, int maxLength) {
        ValidationException.required(field, "field");
        ValidationException.required(source, field);
        ValidationException.required(escaping, "escaping");
        ValidationException.required(vocabulary, "vocabulary");
        if (source.length() > maxLength) {
            throw new ValidationException(field, source.substring(0, Math.min(40, source.length())) + "…",
                    "is " + source.length() + " characters long; at most " + maxLength + " are allowed");
        }
        Set<String> variables = check(field, source, vocabulary);
        DefaultMustacheFactory factory = escaping == Escaping.HTML ? new DefaultMustacheFactory() : new PlainFactory();
        Mustache compiled;
        try {
            compiled = factory.compile(new StringReader(source), field);
        } catch (MustacheException e) {
            throw new ValidationException(field, source.length() > 40 ? source.substring(0, 40) + "…" : source,
                    "is not a valid template: " + e.getMessage());
        }
        return new TemplateText(field, source, escaping, Set.copyOf(variables), compiled);
    }

    /** The field this text was checked as (e.g. {@code subject}, {@code htmlBody}). */
    public String field() {
        return field;
    }

    public String source() {
        return source;
    }

    public Escaping escaping() {
        return escaping;
    }

    /** The variables and section names the text uses. */
    public Set<String> variables() {
        return variables;
    }

    /** The text for one recipient: {@code scope} as {@link Personalisation#scope()} makes it. */
    String render(Map<String, Object> scope) {
        StringWriter out = new StringWriter();
        compiled.execute(out, scope);
        return out.toString();
    }

    /** Walks the tags: the names a text prints, each known; sections closed in order; no tag that is refused. */
    private static Set<String> check(String field, String source, TemplateVocabulary vocabulary) {
        Set<String> used = new LinkedHashSet<>();
        Deque<String[]> open = new ArrayDeque<>();
        int at = 0;
        while (true) {
            int start = source.indexOf("{{", at);
            if (start < 0) {
                break;
            }
            String where = position(source, start);
            boolean triple = source.startsWith("{{{", start);
            if (triple) {
                throw new ValidationException(field, tagAt(source, start),
                        "is unescaped output (at " + where + "), which templates do not allow; use {{name}}");
            }
            int end = source.indexOf("}}", start + 2);
            if (end < 0) {
                throw new ValidationException(field, tagAt(source, start), "opens a tag (at " + where + ") that is never closed with }}");
            }
            String tag = source.substring(start + 2, end).strip();
            String shown = source.substring(start, end + 2);
            at = end + 2;
            if (tag.isEmpty()) {
                throw new ValidationException(field, shown, "is an empty tag (at " + where + ")");
            }
            char sigil = tag.charAt(0);
            String name = "#^/>&=!".indexOf(sigil) >= 0 ? tag.substring(1).strip() : tag;
            switch (sigil) {
                case '!':
                    continue;
                case '>':
                    throw new ValidationException(field, shown, "is a partial (at " + where + "), which templates do not allow");
                case '&':
                    throw new ValidationException(field, shown,
                            "is unescaped output (at " + where + "), which templates do not allow; use {{name}}");
                case '=':
                    throw new ValidationException(field, shown, "changes the delimiters (at " + where + "), which templates do not allow");
                default:
                    break;
            }
            if (!NAME.matcher(name).matches()) {
                throw new ValidationException(field, shown, "is not a variable name (at " + where + "); known: "
                        + String.join(", ", vocabulary.names()));
            }
            if (sigil == '#' || sigil == '^') {
                if (!vocabulary.knowsSection(name)) {
                    throw unknown(field, name, where, vocabulary);
                }
                used.add(name);
                open.push(new String[] {name, where});
            } else if (sigil == '/') {
                if (open.isEmpty()) {
                    throw new ValidationException(field, shown, "closes section '" + name + "' (at " + where + ") that is not open");
                }
                String[] top = open.pop();
                if (!top[0].equals(name)) {
                    throw new ValidationException(field, shown, "closes section '" + name + "' (at " + where + ") but section '"
                            + top[0] + "' opened at " + top[1] + " is still open");
                }
            } else {
                if (!vocabulary.knows(name)) {
                    throw unknown(field, name, where, vocabulary);
                }
                used.add(name);
            }
        }
        if (!open.isEmpty()) {
            String[] top = open.pop();
            throw new ValidationException(field, "{{#" + top[0] + "}}", "opens section '" + top[0] + "' at " + top[1]
                    + " that is never closed (add {{/" + top[0] + "}})");
        }
        return used;
    }

    private static ValidationException unknown(String field, String name, String where, TemplateVocabulary vocabulary) {
        return new ValidationException(field, name, "is not a template variable (at " + where + "); known: "
                + String.join(", ", vocabulary.names()));
    }

    private static String tagAt(String source, int start) {
        return source.substring(start, Math.min(source.length(), start + 30));
    }

    /** Line and column (both from 1) of an offset. */
    static String position(String source, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset; i++) {
            if (source.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return "line " + line + ", column " + column;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TemplateText t && t.source.equals(source) && t.escaping == escaping && t.field.equals(field);
    }

    @Override
    public int hashCode() {
        return source.hashCode() * 31 + escaping.hashCode();
    }

    @Override
    public String toString() {
        return field + "[" + escaping + "]: " + source;
    }

    /** Mustache without HTML escaping: values are copied as they are. */
    private static final class PlainFactory extends DefaultMustacheFactory {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
