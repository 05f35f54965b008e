{{%AUTOESCAPE context="HTML"}}{{!-- Matching rounds (match_pages.cpp): a form to run a new round (its legend is the section's heading: it looks like one, so it is one), then the latest rounds with their date, status, number of proposals and total score. --}}<h1 class="utrecht-heading-1">{{T_MAT_ROUNDS_TITLE}}</h1>
<p class="utrecht-paragraph">{{T_MAT_ROUNDS_INTRO}}</p>
<form class="kp-form" method="post" action="{{NEW_URL}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset utrecht-form-field" aria-describedby="voorrang-hint">
<legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend"><h2 class="utrecht-heading-2">{{T_MAT_ROUND_NEW_TITLE}}</h2></legend>
<p class="utrecht-form-field-description" id="voorrang-hint">{{T_MAT_FAVOUR_WAITING_HINT}}</p>
<div class="kp-option"><input class="utrecht-checkbox utrecht-checkbox--html-input" id="voorrang" name="voorrang" type="checkbox" value="1"><label class="utrecht-form-label" for="voorrang">{{T_MAT_FAVOUR_WAITING}}</label></div>
</fieldset>
<button class="utrecht-button utrecht-button--primary-action" type="submit">{{T_MAT_ROUND_NEW}}</button>
</form>
<h2 class="utrecht-heading-2">{{T_MAT_ROUNDS_LATEST}}</h2>
{{#NONE}}<p class="utrecht-paragraph">{{T_MAT_ROUNDS_NONE}}</p>
{{/NONE}}{{#LIST}}<ul class="kp-mat-list">
{{#ROUND}}<li class="kp-mat-item">
<h3 class="utrecht-heading-3"><a class="utrecht-link" href="{{URL}}">{{TITLE}}</a></h3>
<dl class="kp-facts">
<dt>{{T_MAT_ROUND_STATUS}}</dt><dd>{{STATUS}}</dd>
<dt>{{T_MAT_ROUND_PROPOSALS}}</dt><dd>{{PROPOSALS}}</dd>
<dt>{{T_MAT_ROUND_SCORE}}</dt><dd>{{SCORE}}</dd>
<dt>{{T_MAT_ROUND_FAVOUR}}</dt><dd>{{FAVOUR}}</dd>
</dl>
</li>
{{/ROUND}}</ul>
{{/LIST}}
