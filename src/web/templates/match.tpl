{{%AUTOESCAPE context="HTML"}}{{!-- One match (match_pages.cpp): its posting, why it is proposed and how it stands; the answer forms while the visitor's answer is awaited; once both said yes the other side's name, the messages, a message form and "Afronden". People write in their own language: their text is dir="auto". The message box is aria-required, not required: the form is novalidate, and :invalid would mark the empty box red before anything was typed. --}}<h1 class="utrecht-heading-1">{{HEADING_BEFORE}}<span dir="auto">{{TITLE}}</span>{{HEADING_AFTER}}</h1>
{{#NOTICE}}<div class="kp-notice kp-notice--success" role="status"><p class="utrecht-paragraph">{{TEXT}}</p></div>
{{/NOTICE}}{{#ALERT}}<div class="kp-notice kp-notice--error" role="alert"><p class="utrecht-paragraph">{{TEXT}}</p></div>
{{/ALERT}}{{#ERRORS}}<div class="kp-error-summary" role="alert" aria-labelledby="fouten-titel" tabindex="-1" autofocus>
<h2 class="utrecht-heading-2" id="fouten-titel">{{T_FORM_ERRORS}}</h2>
<ul>{{#ERROR}}<li><a class="utrecht-link" href="#{{FIELD}}">{{TEXT}}</a></li>{{/ERROR}}</ul>
</div>
{{/ERRORS}}<p class="utrecht-paragraph">{{ABOUT}}</p>
<dl class="kp-facts">
<dt>{{T_MAT_POSTING}}</dt><dd><a class="utrecht-link" href="{{POSTING_URL}}">{{T_MAT_POSTING_LINK}}</a></dd>
<dt>{{T_MAT_KIND}}</dt><dd>{{KIND}}</dd>
<dt>{{T_MAT_ROLE}}</dt><dd>{{ROLE}}</dd>
{{#WITH}}<dt>{{T_MAT_WITH}}</dt><dd><span dir="auto">{{NAME}}</span></dd>
{{/WITH}}<dt>{{T_MAT_STATUS}}</dt><dd>{{STATUS}}</dd>
{{#EXPIRES}}<dt>{{T_MAT_ANSWER_BEFORE}}</dt><dd>{{WHEN}}</dd>
{{/EXPIRES}}</dl>
{{#REASONS}}<h2 class="utrecht-heading-2">{{T_MAT_REASONS}}</h2>
<ul class="utrecht-unordered-list">{{#REASON}}<li>{{TEXT}}</li>{{/REASON}}</ul>
{{/REASONS}}{{#STATE}}<p class="utrecht-paragraph"><strong>{{TEXT}}</strong></p>
{{/STATE}}{{#ANSWER}}<h2 class="utrecht-heading-2">{{T_MAT_ANSWER_TITLE}}</h2>
<p class="utrecht-paragraph">{{T_MAT_ANSWER_INTRO}}</p>
<form class="kp-mat-yes" method="post" action="{{ANSWER_URL}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="antwoord" value="ja">
<button class="utrecht-button utrecht-button--primary-action" type="submit">{{T_MAT_YES}}</button>
</form>
<form class="kp-form" method="post" action="{{ANSWER_URL}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="antwoord" value="nee">
<div class="utrecht-form-field">
<label class="utrecht-form-label" for="reden">{{T_MAT_NO_REASON}}</label>
<p class="utrecht-form-field-description" id="reden-hint">{{T_MAT_NO_REASON_HINT}}</p>
{{#REASON_ERROR}}<p class="kp-field-error" id="reden-fout">{{TEXT}}</p>
{{/REASON_ERROR}}<textarea class="utrecht-textarea utrecht-textarea--html-textarea" id="reden" name="tekst" rows="3" maxlength="1000" dir="auto" aria-describedby="reden-hint{{#REASON_ERROR}} reden-fout{{/REASON_ERROR}}"{{#REASON_ERROR}} aria-invalid="true"{{/REASON_ERROR}}>{{REASON_TYPED:pre_escape}}</textarea>
</div>
<button class="utrecht-button utrecht-button--secondary-action" type="submit">{{T_MAT_NO}}</button>
</form>
{{/ANSWER}}{{#CONVERSATION}}<h2 class="utrecht-heading-2" id="berichten" tabindex="-1">{{T_MAT_MESSAGES}}</h2>
{{#NO_MESSAGES}}<p class="utrecht-paragraph">{{T_MAT_MESSAGES_NONE}}</p>
{{/NO_MESSAGES}}{{#MESSAGES}}<ol class="kp-mat-messages">
{{#MESSAGE}}<li class="kp-mat-message{{#OWN}} kp-mat-message--own{{/OWN}}">
<p class="kp-mat-message__meta"><strong><span dir="auto">{{WHO}}</span></strong> <time datetime="{{AT}}">{{WHEN}}</time></p>
<p class="kp-mat-message__body" dir="auto">{{BODY:pre_escape}}</p>
</li>
{{/MESSAGE}}</ol>
{{/MESSAGES}}{{#WRITE}}<form class="kp-form" method="post" action="{{MESSAGE_URL}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="utrecht-form-field">
<label class="utrecht-form-label" for="bericht">{{T_MAT_MESSAGE_FIELD}}</label>
<p class="utrecht-form-field-description" id="bericht-hint">{{T_MAT_MESSAGE_HINT}}</p>
{{#MESSAGE_ERROR}}<p class="kp-field-error" id="bericht-fout">{{TEXT}}</p>
{{/MESSAGE_ERROR}}<textarea class="utrecht-textarea utrecht-textarea--html-textarea" id="bericht" name="bericht" rows="5" maxlength="2000" dir="auto" aria-required="true" aria-describedby="bericht-hint{{#MESSAGE_ERROR}} bericht-fout{{/MESSAGE_ERROR}}"{{#MESSAGE_ERROR}} aria-invalid="true"{{/MESSAGE_ERROR}}>{{MESSAGE_TYPED:pre_escape}}</textarea>
</div>
<button class="utrecht-button utrecht-button--primary-action" type="submit">{{T_MAT_SEND}}</button>
</form>
<h2 class="utrecht-heading-2">{{T_MAT_COMPLETE_TITLE}}</h2>
<p class="utrecht-paragraph">{{T_MAT_COMPLETE_INTRO}}</p>
<form class="kp-form" method="post" action="{{ANSWER_URL}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="antwoord" value="klaar">
<div class="utrecht-form-field">
<label class="utrecht-form-label" for="feedback">{{T_MAT_FEEDBACK}}</label>
{{#FEEDBACK_ERROR}}<p class="kp-field-error" id="feedback-fout">{{TEXT}}</p>
{{/FEEDBACK_ERROR}}<textarea class="utrecht-textarea utrecht-textarea--html-textarea" id="feedback" name="tekst" rows="3" maxlength="1000" dir="auto"{{#FEEDBACK_ERROR}} aria-describedby="feedback-fout" aria-invalid="true"{{/FEEDBACK_ERROR}}>{{FEEDBACK_TYPED:pre_escape}}</textarea>
</div>
<button class="utrecht-button utrecht-button--secondary-action" type="submit">{{T_MAT_COMPLETE_BUTTON}}</button>
</form>
{{/WRITE}}{{/CONVERSATION}}<p class="utrecht-paragraph"><a class="utrecht-link" href="{{BACK_URL}}">{{T_MAT_BACK}}</a></p>
