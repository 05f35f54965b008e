{{%AUTOESCAPE context="HTML"}}<h1 class="utrecht-heading-1">{{T_API_KEYS_TITLE}}</h1>
<p class="utrecht-paragraph"><span lang="nl" dir="ltr">{{ORGANIZATION}}</span></p>
{{#NEW_KEY}}<div class="kp-notice kp-notice--success" role="status">
<p class="utrecht-paragraph">{{T_API_KEY_CREATED}}</p>
<p class="utrecht-paragraph"><code dir="ltr" translate="no">{{KEY}}</code></p>
<p class="utrecht-paragraph">{{T_API_KEY_COPY_NOW}}</p>
</div>
{{/NEW_KEY}}{{#NOTICE}}<div class="kp-notice kp-notice--success" role="status"><p class="utrecht-paragraph">{{TEXT}}</p></div>
{{/NOTICE}}{{#ERRORS}}<div class="kp-error-summary" role="alert" aria-labelledby="fouten-titel" tabindex="-1" autofocus>
<h2 class="utrecht-heading-2" id="fouten-titel">{{T_FORM_ERRORS}}</h2>
<ul><li><a class="utrecht-link" href="#naam">{{TEXT}}</a></li></ul>
</div>
{{/ERRORS}}<p class="utrecht-paragraph">{{T_API_KEYS_INTRO}}</p>
<p class="utrecht-paragraph">{{T_API_KEYS_PASSWORD}}</p>
<p class="utrecht-paragraph">{{T_API_KEYS_REVOKE_INTRO}}</p>
<h2 class="utrecht-heading-2">{{T_API_KEYS_LIST}}</h2>
{{#NONE}}<p class="utrecht-paragraph">{{T_API_KEYS_NONE}}</p>
{{/NONE}}{{#KEYS}}<ul class="kp-requests">
{{#KEY_ITEM}}<li class="kp-request">
<h3 class="utrecht-heading-3" id="sleutel-{{ID}}" dir="auto">{{NAME}}</h3>
<dl class="kp-facts">
<dt>{{T_API_KEY_CREATED_ON}}</dt><dd>{{CREATED}}</dd>
{{#REVOKED}}<dt>{{T_API_KEY_REVOKED_ON}}</dt><dd>{{DATE}}</dd>
{{/REVOKED}}</dl>
{{#ACTIVE}}<form method="post" action="{{REVOKE_URL}}"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="utrecht-button utrecht-button--secondary-action" type="submit" aria-describedby="sleutel-{{ID}}">{{T_API_KEY_REVOKE_BUTTON}}</button></form>
{{/ACTIVE}}</li>
{{/KEY_ITEM}}</ul>
{{/KEYS}}<h2 class="utrecht-heading-2">{{T_API_KEY_NEW_TITLE}}</h2>
<form class="kp-form" method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="utrecht-form-field">
<label class="utrecht-form-label" for="naam">{{T_FIELD_API_KEY_LABEL}}</label>
<p class="utrecht-form-field-description" id="naam-hint">{{T_FIELD_API_KEY_LABEL_HINT}}</p>
{{#FIELD_ERROR}}<p class="kp-field-error" id="naam-fout">{{TEXT}}</p>
{{/FIELD_ERROR}}<input class="utrecht-textbox utrecht-textbox--html-input" id="naam" name="naam" type="text" autocomplete="off" maxlength="{{MAX}}" value="{{LABEL}}" aria-describedby="{{DESCRIBED}}"{{#FIELD_ERROR}} aria-invalid="true"{{/FIELD_ERROR}} required>
</div>
<button class="utrecht-button utrecht-button--primary-action" type="submit">{{T_API_KEY_CREATE_BUTTON}}</button>
</form>
<p class="utrecht-paragraph"><a class="utrecht-link" href="{{BACK_URL}}">{{T_BACK_TO_ORGANIZATION}}</a></p>
