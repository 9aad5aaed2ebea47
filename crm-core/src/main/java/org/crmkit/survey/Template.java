package org.crmkit.survey;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.crmkit.common.CleanText;
import org.crmkit.common.ValidationException;

/**
 * A questionnaire: a name and questions with distinct keys, at a {@code revision} that responses
 * refer to, and a {@code version} for optimistic locking (every stored change moves it by one).
 *
 * <p>A revision is frozen once a response answers it: {@link Surveys#changeTemplate} stores a
 * changed template as the next revision when the current one has answers, and rewrites the
 * current one in place while it has none. Responses keep the revision they answered. The name is
 * the template's, not a revision's.
 */
public record Template(TemplateId id, String name, int revision, long version, List<Question> questions) {
    public static final int MAX_NAME = 200;
    public static final int MAX_QUESTIONS = 100;

    public Template {
        ValidationException.required(id, "id");
        name = CleanText.require("name", name, MAX_NAME);
        if (revision < 1) {
            throw new ValidationException("revision", revision, "must be 1 or more");
        }
        if (version < 0) {
            throw new ValidationException("version", version, "must not be negative");
        }
        List<Question> given = ValidationException.requiredElements(questions, "questions");
        if (given.isEmpty() || given.size() > MAX_QUESTIONS) {
            throw new ValidationException("questions", given.size(), "a template has 1 to " + MAX_QUESTIONS + " questions");
        }
        Set<String> keys = new HashSet<>();
        for (Question q : given) {
            if (!keys.add(q.key())) {
                throw new ValidationException("questions.key", q.key(), "is used by two questions of the template");
            }
        }
        questions = List.copyOf(given);
    }

    /** A new template at revision 1, not yet stored (version 0). */
    public static Template create(TemplateId id, String name, List<Question> questions) {
        return new Template(id, name, 1, 0, questions);
    }

    public Optional<Question> question(String key) {
        ValidationException.required(key, "key");
        return questions.stream().filter(q -> q.key().equals(key)).findFirst();
    }

    /** The template asking these questions instead (same revision: {@link Surveys#changeTemplate} decides whether it is a new one). */
    public Template withQuestions(List<Question> newQuestions) {
        return new Template(id, name, revision, version, newQuestions);
    }

    public Template rename(String newName) {
        return new Template(id, newName, revision, version, questions);
    }

    Template atRevision(int newRevision) {
        return new Template(id, name, newRevision, version, questions);
    }

    /** The checked answers of a response to this revision, in the template's question order, with their scores. */
    List<Checked> check(List<Answer> answers) {
        Map<String, Answer> byKey = new LinkedHashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            Answer a = answers.get(i);
            if (question(a.question()).isEmpty()) {
                throw new ValidationException("answers[" + i + "].question", a.question(), "is not a question of template " + id + " revision " + revision);
            }
            if (byKey.put(a.question(), a) != null) {
                throw new ValidationException("answers[" + i + "].question", a.question(), "is answered twice");
            }
        }
        List<Checked> checked = new ArrayList<>();
        for (Question q : questions) {
            Answer a = byKey.get(q.key());
            if (a == null) {
                if (q.required()) {
                    throw new ValidationException("answers", q.key(), "the required question is not answered");
                }
                continue;
            }
            String value = q.kind().check("answers[" + answers.indexOf(a) + "].value", a.value(), q.options());
            checked.add(new Checked(new Answer(q.key(), value), q.kind().score(value)));
        }
        return checked;
    }

    /** The score of an answer to this revision: its value when the question is a scale, else empty. */
    public Optional<Integer> scoreOf(Answer answer) {
        ValidationException.required(answer, "answer");
        return question(answer.question()).filter(q -> q.kind().scored()).map(q -> Integer.parseInt(answer.value()));
    }

    /** An answer as stored, with its score when the question is a scale. */
    record Checked(Answer answer, Optional<Integer> score) {
    }

    /** Field → readable value, for the journal. */
    Map<String, String> auditView() {
        Map<String, String> view = new LinkedHashMap<>();
        view.put("name", name);
        view.put("revision", Integer.toString(revision));
        for (int i = 0; i < questions.size(); i++) {
            view.put("questions[" + i + "]", questions.get(i).describe());
        }
        return view;
    }
}
