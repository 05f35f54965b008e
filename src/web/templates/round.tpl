{{%AUTOESCAPE context="HTML"}}{{!-- One matching round (match_pages.cpp): its proposals best first, each with the posting, the person, the score and the reasons in words; while it is not sent, per proposal "Weghalen" and a choice of another person ("Wisselen"), and for the whole round "Versturen" and "Weggooien". A sent or discarded round is read-only. --}}<h1 class="utrecht-heading-1">{{HEADING}}</h1>
{{#NOTICE}}<div class="kp-notice kp-notice--success" role="status"><p class="utrecht-paragraph">{{TEXT}}</p></div>
{{/NOTICE}}{{#ALERT}}<div class="kp-notice kp-notice--error" role="alert"><p class="utrecht-paragraph">{{TEXT}}</p></div>
{{/ALERT}}{{#ERRORS}}<div class="kp-error-summary" role="alert" aria-labelledby="fouten-titel" tabindex="-1" autofocus>
<h2 class="utrecht-heading-2" id="fouten-titel">{{T_FORM_ERRORS}}</h2>
<ul>{{#ERROR}}<li><a class="utrecht-link" href="#{{FIELD}}">{{TEXT}}</a></li>{{/ERROR}}</ul>
</div>
{{/ERRORS}}<dl class="kp-facts">
<dt>{{T_MAT_ROUND_STATUS}}</dt><dd>{{STATUS}}</dd>
<dt>{{T_MAT_ROUND_PROPOSALS}}</dt><dd>{{PROPOSALS}}</dd>
<dt>{{T_MAT_ROUND_SCORE}}</dt><dd>{{SCORE}}</dd>
<dt>{{T_MAT_ROUND_FAVOUR}}</dt><dd>{{FAVOUR}}</dd>
</dl>
{{#READ_ONLY}}<div class="kp-notice"><p class="utrecht-paragraph">{{TEXT}}</p>{{#SENT_COUNT}}<p class="utrecht-paragraph">{{TEXT}}</p>{{/SENT_COUNT}}</div>
{{/READ_ONLY}}<h2 class="utrecht-heading-2">{{T_MAT_ROUND_PROPOSALS}}</h2>
{{#NONE}}<p class="utrecht-paragraph">{{T_MAT_ROUND_NO_PROPOSALS}}</p>
{{/NONE}}{{#LIST}}<ol class="kp-mat-list">
{{#PROPOSAL}}<li class="kp-mat-item">
<h3 class="utrecht-heading-3"><span dir="auto">{{TITLE}}</span></h3>
<dl class="kp-facts">
<dt>{{T_MAT_KIND}}</dt><dd>{{KIND}}</dd>
<dt>{{T_MAT_PERSON}}</dt><dd><span dir="auto">{{PERSON}}</span></dd>
<dt>{{T_MAT_SCORE}}</dt><dd>{{SCORE}}</dd>
{{#MATCH_STATUS}}<dt>{{T_MAT_STATUS}}</dt><dd>{{TEXT}}</dd>
{{/MATCH_STATUS}}</dl>
{{#REASONS}}<h4 class="utrecht-heading-4">{{T_MAT_REASONS}}</h4>
<ul class="utrecht-unordered-list">{{#REASON}}<li>{{TEXT}}</li>{{/REASON}}</ul>
{{/REASONS}}{{#EDIT}}<form method="post" action="{{DROP_URL}}"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="voorstel" value="{{ID}}"><button class="utrecht-button utrecht-button--secondary-action" type="submit">{{T_MAT_DROP}}<span class="kp-visually-hidden">: <span dir="auto">{{TITLE}}</span>, <span dir="auto">{{PERSON}}</span></span></button></form>
{{#SWAP}}<form class="kp-form kp-mat-swap" method="post" action="{{SWAP_URL}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="voorstel" value="{{ID}}">
<input type="hidden" name="oproep" value="{{POSTING_ID}}">
<div class="utrecht-form-field">
<label class="utrecht-form-label" for="persoon-{{ID}}">{{T_MAT_SWAP_LABEL}}<span class="kp-visually-hidden">: <span dir="auto">{{TITLE}}</span></span></label>
{{#SWAP_ERROR}}<p class="kp-field-error" id="persoon-{{ID}}-fout">{{TEXT}}</p>
{{/SWAP_ERROR}}<select class="utrecht-select utrecht-select--html-select" id="persoon-{{ID}}" name="persoon"{{#SWAP_ERROR}} aria-describedby="persoon-{{ID}}-fout" aria-invalid="true"{{/SWAP_ERROR}}>
<option value="">{{T_MAT_SWAP_CHOOSE}}</option>
{{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{TEXT}}</option>
{{/OPTION}}</select>
</div>
<button class="utrecht-button utrecht-button--secondary-action" type="submit">{{T_MAT_SWAP}}<span class="kp-visually-hidden">: <span dir="auto">{{TITLE}}</span></span></button>
</form>
{{/SWAP}}{{#SWAP_NOTE}}{{#SWAP_ERROR}}<p class="kp-field-error">{{TEXT}}</p>
{{/SWAP_ERROR}}<p class="utrecht-paragraph">{{TEXT}}</p>
{{/SWAP_NOTE}}{{/EDIT}}</li>
{{/PROPOSAL}}</ol>
{{/LIST}}{{#EDITABLE}}<h2 class="utrecht-heading-2">{{T_MAT_SEND_TITLE}}</h2>
<p class="utrecht-paragraph" id="versturen-uitleg">{{SEND_COUNT}}</p>
<form method="post" action="{{SEND_URL}}"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="utrecht-button utrecht-button--primary-action" type="submit" aria-describedby="versturen-uitleg">{{T_MAT_SEND_BUTTON}}</button></form>
<p class="utrecht-paragraph" id="weggooien-uitleg">{{T_MAT_DISCARD_TEXT}}</p>
<form method="post" action="{{DISCARD_URL}}"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="utrecht-button utrecht-button--secondary-action" type="submit" aria-describedby="weggooien-uitleg">{{T_MAT_DISCARD_BUTTON}}</button></form>
{{/EDITABLE}}<p class="utrecht-paragraph"><a class="utrecht-link" href="{{BACK_URL}}">{{T_MAT_BACK_TO_ROUNDS}}</a></p>
