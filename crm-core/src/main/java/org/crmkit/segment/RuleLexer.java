package org.crmkit.segment;

import java.util.ArrayList;
import java.util.List;

/** Cuts rule text into tokens, each with its line and column; see {@link RuleText} for the grammar. */
final class RuleLexer {
    enum Kind {
        WORD, STRING, NUMBER, DATE, INSTANT, PUNCT, END
    }

    /** A token: its kind, its value (a string literal unescaped), where it starts, and how it looked. */
    record Token(Kind kind, String value, int line, int column, String shown) {
    }

    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;

    private RuleLexer(String text) {
        this.text = text;
    }

    static List<Token> tokens(String text) {
        RuleLexer lexer = new RuleLexer(text);
        List<Token> tokens = new ArrayList<>();
        Token t;
        do {
            t = lexer.next();
            tokens.add(t);
        } while (t.kind() != Kind.END);
        return tokens;
    }

    private Token next() {
        skipSpace();
        int startLine = line;
        int startColumn = pos - lineStart + 1;
        if (pos >= text.length()) {
            return new Token(Kind.END, "", startLine, startColumn, "the end of the text");
        }
        char c = text.charAt(pos);
        if (c == '"') {
            return string(startLine, startColumn);
        }
        if (isDigit(c) || (c == '-' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1)))) {
            return numberOrDate(startLine, startColumn);
        }
        if (isWordStart(c)) {
            int start = pos;
            while (pos < text.length() && isWordPart(text.charAt(pos))) {
                pos++;
            }
            String word = text.substring(start, pos);
            return new Token(Kind.WORD, word, startLine, startColumn, quote(word));
        }
        if ((c == '<' || c == '>' || c == '!') && pos + 1 < text.length() && text.charAt(pos + 1) == '=') {
            pos += 2;
            String punct = c + "=";
            return new Token(Kind.PUNCT, punct, startLine, startColumn, "\"" + punct + "\"");
        }
        if ("(),=.".indexOf(c) >= 0) {
            pos++;
            return new Token(Kind.PUNCT, String.valueOf(c), startLine, startColumn, quote(String.valueOf(c)));
        }
        int cp = text.codePointAt(pos);
        throw new RuleSyntaxException(startLine, startColumn, "a word, a string in double quotes, a number, a date or one of ( ) , = . <=",
                quote(new String(Character.toChars(cp))));
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else {
                return;
            }
        }
    }

    private Token string(int startLine, int startColumn) {
        StringBuilder value = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw new RuleSyntaxException(line, pos - lineStart + 1, "a closing \" of the string started at line " + startLine
                        + ", column " + startColumn, "the end of the text");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                break;
            }
            if (c == '\n') {
                throw new RuleSyntaxException(line, pos - lineStart + 1, "a closing \" (write a line break in a string as \\n)", "a line break");
            }
            if (c == '\\') {
                if (pos + 1 >= text.length()) {
                    throw new RuleSyntaxException(line, pos - lineStart + 1, "an escape such as \\\" \\\\ \\n \\t \\uXXXX", "the end of the text");
                }
                char e = text.charAt(pos + 1);
                switch (e) {
                    case '"':
                    case '\\':
                        value.append(e);
                        pos += 2;
                        break;
                    case 'n':
                        value.append('\n');
                        pos += 2;
                        break;
                    case 't':
                        value.append('\t');
                        pos += 2;
                        break;
                    case 'r':
                        value.append('\r');
                        pos += 2;
                        break;
                    case 'u':
                        if (pos + 6 > text.length() || !text.substring(pos + 2, pos + 6).matches("[0-9A-Fa-f]{4}")) {
                            throw new RuleSyntaxException(line, pos - lineStart + 1, "four hex digits after \\u",
                                    quote(text.substring(pos, Math.min(text.length(), pos + 6))));
                        }
                        value.append((char) Integer.parseInt(text.substring(pos + 2, pos + 6), 16));
                        pos += 6;
                        break;
                    default:
                        throw new RuleSyntaxException(line, pos - lineStart + 1, "an escape such as \\\" \\\\ \\n \\t \\uXXXX",
                                quote("\\" + e));
                }
            } else {
                value.append(c);
                pos++;
            }
            if (value.length() > RuleLimits.MAX_STRING) {
                throw new RuleSyntaxException(startLine, startColumn, "a string of at most " + RuleLimits.MAX_STRING + " characters",
                        "a longer one");
            }
        }
        return new Token(Kind.STRING, value.toString(), startLine, startColumn, quote(value.toString()));
    }

    private Token numberOrDate(int startLine, int startColumn) {
        int start = pos;
        if (text.charAt(pos) == '-') {
            pos++;
        }
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
        boolean negative = text.charAt(start) == '-';
        if (!negative && pos - start == 4 && pos < text.length() && text.charAt(pos) == '-') {
            while (pos < text.length() && (isDigit(text.charAt(pos)) || text.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < text.length() && text.charAt(pos) == 'T') {
                while (pos < text.length() && (isDigit(text.charAt(pos)) || ":.T".indexOf(text.charAt(pos)) >= 0)) {
                    pos++;
                }
                if (pos < text.length() && text.charAt(pos) == 'Z') {
                    pos++;
                }
                String instant = text.substring(start, pos);
                return new Token(Kind.INSTANT, instant, startLine, startColumn, quote(instant));
            }
            String date = text.substring(start, pos);
            return new Token(Kind.DATE, date, startLine, startColumn, quote(date));
        }
        if (pos + 1 < text.length() && text.charAt(pos) == '.' && isDigit(text.charAt(pos + 1))) {
            pos++;
            while (pos < text.length() && isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        if (pos - start > 40) {
            throw new RuleSyntaxException(startLine, startColumn, "a number of at most 40 characters", "a longer one");
        }
        String number = text.substring(start, pos);
        return new Token(Kind.NUMBER, number, startLine, startColumn, quote(number));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || isDigit(c) || c == '-';
    }

    /** A text as an error message shows it: in quotes, control and invisible characters as \\uXXXX, at most 60 characters. */
    static String quote(String text) {
        return shorten("\"" + RuleText.escape(text) + "\"");
    }

    private static String shorten(String shown) {
        return shown.length() <= 60 ? shown : shown.substring(0, 57) + "…";
    }
}
