package org.crmkit.segment;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.crmkit.client.ClientCriterion;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;

/**
 * A segment rule as a short text a person types and reads, e.g.
 * {@code group in ("Покупатели") and property "Интересуется мебелью" = "Кухонная мебель" and not (kind = individual)}.
 * Names (groups, relationship types, properties, value-list entries, pipelines, stages, survey
 * templates) are display names resolved through {@link RuleNames}; the rule holds the ids. The
 * grammar (EBNF; keywords are case-insensitive, {@code not} binds tighter than {@code and}, which
 * binds tighter than {@code or}):
 *
 * <pre>
 * rule      = or ;
 * or        = and { "or" and } ;
 * and       = not { "and" not } ;
 * not       = "not" not | "(" or ")" | "all" | "none" | leaf ;      (* leaf of the family in force *)
 * client    = "id" "in" strings | "manager" "in" strings
 *           | "name" ( "contains" | "starts" "with" | "word" "starts" "with" ) string
 *           | "code" ( "=" string | "in" strings ) | "inn" "=" string
 *           | "phone" ( "=" string | "ends" "with" string )
 *           | "email" ( "=" string | ( "starts" | "ends" ) "with" string )
 *           | "group" "in" strings | "kind" "=" word | "relationship" "=" string
 *           | "archived" | "active" | "registered" "&lt;=" date
 *           | "property" string ( "=" value | condition )         (* value as the property's type wants it *)
           | "no" "interaction" "for" number "days"              (* = not has interaction (started within last n days) *)
 *           | "suppressed"                                          (* = has suppression (all) *)
 *           | "has" ( "contact" | "interaction" | "deal" | "consent" | "suppression" | "survey" | "class" ) "(" or ")" ;
 * contact   = "position" "=" string | "responsible" "=" string | "phone" "=" string | "email" "=" string | "client" "(" or ")" ;
 * interaction = "id" "in" strings | "client" "(" or ")" | "responsible" "in" strings | "involves" strings
 *           | "author" "=" string | "kind" "in" words | "state" "in" words | "importance" "=" word
 *           | "starts" "in" period | "started" "within" "last" number "days" | "overlaps" period | "overdue" "at" instant "today" date
 *           | ( "subject" | "content" ) "contains" string | "deal" "=" string ;
 * deal      = "id" "in" strings | "client" "(" or ")" | "pipeline" "=" string
 *           | "stage" "in" "(" [ string "." string { "," string "." string } ] ")"   (* pipeline.stage *)
 *           | "status" "=" word | "responsible" "in" strings | "amount" "between" money "and" money
 *           | "expected" "close" "between" date "and" date | "source" "=" string
 *           | ( "won" | "lost" ) "between" date "and" date ;
 * condition = "equals" value | "!=" value | "in" "(" value { "," value } ")"
 *           | "contains" string | "starts" "with" string | "&gt;=" value | "&lt;=" value | "between" value "and" value
 *           | "within" "last" number "days" | "more" "than" number "days" "ago"
 *           | "is" ( "filled" | "empty" ) | ( "any" | "all" ) "of" strings ;   (* strings: entries of a choice list *)
 * consent   = word "," word ;                                       (* channel, purpose: email, marketing *)
 * suppression = "reason" "in" words ;
 * survey    = "score" string string "between" number "and" number ;  (* template name, question key *)
 * class     = "grade" "in" words | ( "recency" | "frequency" | "monetary" ) "between" number "and" number ;
 * value     = string | number | money | date | "true" | "false" ;
 * money     = number word ;                                         (* 1500.00 RUB *)
 * period    = "period" "(" instant "," instant "," string ")" ;      (* from, until, zone *)
 * strings   = "(" [ string { "," string } ] ")" ;  words = "(" [ word { "," word } ] ")" ;
 * string    = '"' { char | "\" ( '"' | "\" | "n" | "t" | "r" | "u" hex hex hex hex ) } '"' ;
 * number    = [ "-" ] digit { digit } [ "." digit { digit } ] ;
 * date      = yyyy-mm-dd ;  instant = yyyy-mm-ddThh:mm:ss[.ffffff]Z ;
 * word      = letter { letter | digit | "_" | "-" } ;              (* constants: lower case, "-" for "_" *)
 * </pre>
 *
 * On a property, {@code =} is {@link ClientCriterion.PropertyEquals}: the value exactly as typed
 * (text with its case, ё and spaces); the word {@code equals}, {@code !=}, {@code in}, {@code contains}
 * and {@code starts with} are {@link org.crmkit.property.PropertyCondition}s and compare text folded
 * (case, ё/е, runs of spaces). A condition is checked against the property's type as it is read
 * ({@code contains} on a date property is an error at the operator's line and column).
 *
 * <p>The printer's output is canonical and parses back to an equal rule (an and/or of no or one part
 * prints as what it means: {@code all}, {@code none}, the part). Errors are
 * {@link RuleSyntaxException}s with line and column; {@link RuleLimits} apply.
 */
public final class RuleText {
    private final RuleNames names;

    private RuleText(RuleNames names) {
        this.names = names;
    }

    /** Reads and prints rules with these names. */
    public static RuleText with(RuleNames names) {
        return new RuleText(ValidationException.required(names, "names"));
    }

    /** The rule the text says; a {@link RuleSyntaxException} (a {@link ValidationException}) when it says none. */
    public Criterion<ClientCriterion> parse(String text) {
        ValidationException.required(text, "text");
        if (text.length() > RuleLimits.MAX_TEXT) {
            throw new ValidationException("text", text.length() + " characters", "is longer than " + RuleLimits.MAX_TEXT + " characters");
        }
        return RuleLimits.check(RuleParser.parse(text, names));
    }

    /** The rule in canonical text; a {@link ValidationException} when it names an id the schema no longer has. */
    public String print(Criterion<ClientCriterion> rule) {
        RuleLimits.check(rule);
        return new RulePrinter(names).print(rule);
    }

    /** A constant as a word of the text: lower case, "-" for "_" ({@code IN_PROGRESS} is {@code in-progress}). */
    static String word(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String words(Class<? extends Enum<?>> type) {
        return "one of " + Arrays.stream(type.getEnumConstants()).map(RuleText::word).collect(Collectors.joining(", "));
    }

    /** The text of a string literal between its quotes: {@code "} and {@code \} escaped, control and invisible characters as {@code \}uXXXX. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                default:
                    int type = Character.getType(c);
                    if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                            || type == Character.PARAGRAPH_SEPARATOR
                            || (Character.isSurrogate(c) && !pairedAt(text, i))) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.toString();
    }

    private static boolean pairedAt(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
