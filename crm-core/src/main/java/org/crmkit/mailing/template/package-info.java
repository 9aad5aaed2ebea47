/**
 * Message templates of mailings: an e-mail's subject, text body and HTML body, an SMS's text,
 * written in Mustache (logic-less) and personalised from the client, the contact person and the
 * sender. A template is checked when it is built (unknown variables, partials, unescaped output,
 * unbalanced sections, line breaks in a subject are refused), so rendering never meets a surprise.
 */
package org.crmkit.mailing.template;
