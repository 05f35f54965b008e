{{%AUTOESCAPE context="HTML"}}<h1 class="utrecht-heading-1">{{T_ACCOUNT_TITLE}}</h1>
{{#NOTICE}}<div class="kp-notice kp-notice--success" role="status"><p class="utrecht-paragraph">{{TEXT}}</p></div>
{{/NOTICE}}<dl class="kp-facts">
{{#HAS_NAME}}<dt>{{T_ACCOUNT_NAME}}</dt><dd>{{NAME}}</dd>
{{/HAS_NAME}}<dt>{{T_ACCOUNT_EMAIL}}</dt><dd>{{EMAIL}}</dd>
<dt>{{T_ACCOUNT_TWO_STEP}}</dt><dd>{{TWO_STEP}}</dd>
</dl>
<h2 class="utrecht-heading-2">{{T_ACCOUNT_ROLES}}</h2>
{{#NO_ROLES}}<p class="utrecht-paragraph">{{T_ACCOUNT_NO_ROLES}}</p>
{{/NO_ROLES}}{{#ROLES}}<ul class="utrecht-unordered-list">{{#ROLE}}<li>{{TEXT}}</li>{{/ROLE}}</ul>
{{/ROLES}}
<h2 class="utrecht-heading-2">{{T_ACCOUNT_EXCHANGE}}</h2>
<ul class="kp-actions">
<li><a class="utrecht-link" href="{{PREFIX}}/mijn-matches">{{T_ACCOUNT_MY_MATCHES}}</a></li>
<li><a class="utrecht-link" href="{{PREFIX}}/vraag-en-aanbod/mijn">{{T_ACCOUNT_MY_POSTINGS}}</a></li>
<li><a class="utrecht-link" href="{{PREFIX}}/mijn-profiel">{{T_ACCOUNT_MY_PROFILE}}</a></li>
{{#MODERATION_LINK}}<li><a class="utrecht-link" href="{{PREFIX}}/beheer/moderatie">{{T_MODERATION_LINK}}</a></li>
{{/MODERATION_LINK}}{{#ROUNDS_LINK}}<li><a class="utrecht-link" href="{{PREFIX}}/beheer/rondes">{{T_ROUNDS_LINK}}</a></li>
{{/ROUNDS_LINK}}</ul>
<h2 class="utrecht-heading-2">{{T_ACCOUNT_MORE}}</h2>
<ul class="kp-actions">
{{#TWO_STEP_LINK}}<li><a class="utrecht-link" href="{{PREFIX}}/account/tweestaps">{{T_TWO_STEP_SET_UP}}</a></li>
{{/TWO_STEP_LINK}}{{#REQUESTS_LINK}}<li><a class="utrecht-link" href="{{PREFIX}}/beheer/aanvragen">{{T_REQUESTS_TITLE}}</a></li>
{{/REQUESTS_LINK}}{{#AUDIT_LINK}}<li><a class="utrecht-link" href="{{PREFIX}}/beheer/logboek">{{T_AUDIT_LINK}}</a></li>
{{/AUDIT_LINK}}<li><a class="utrecht-link" href="{{PREFIX}}/organisatie-aanmelden">{{T_REGISTER_ORG_LINK}}</a></li>
<li><a class="utrecht-link" href="{{PREFIX}}/account/export" download>{{T_ACCOUNT_EXPORT}}</a></li>
<li><a class="utrecht-link" href="{{PREFIX}}/account/verwijderen">{{T_ACCOUNT_DELETE}}</a></li>
</ul>
<form class="kp-form" method="post" action="{{PREFIX}}/uitloggen">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button class="utrecht-button utrecht-button--secondary-action" type="submit">{{T_SIGN_OUT}}</button>
</form>
