{{%AUTOESCAPE context="HTML"}}<h1 class="utrecht-heading-1" lang="nl" dir="ltr">{{NAME}}</h1>
{{#KIND}}<p class="utrecht-paragraph">{{T_FILTER_KIND}}: {{TEXT}}</p>{{/KIND}}
<p class="utrecht-paragraph"{{#TEXT_LANG}} lang="{{CODE}}" dir="ltr"{{/TEXT_LANG}}>{{DESCRIPTION}}</p>
{{#COMMUNITIES}}<p class="utrecht-paragraph">{{T_COMMUNITIES}}: {{LIST}}</p>{{/COMMUNITIES}}
<h2 class="utrecht-heading-2">{{T_SERVICES_OF}}</h2>
<ul class="utrecht-unordered-list">
{{#SERVICE}}<li><a class="utrecht-link" href="{{URL}}"{{#NAME_LANG}} lang="{{CODE}}" dir="ltr"{{/NAME_LANG}}>{{NAME}}</a></li>
{{/SERVICE}}</ul>
<p class="utrecht-paragraph kp-meta">{{VERIFIED}}</p>
<section class="kp-keeper" id="beheer" aria-labelledby="beheer-titel">
<h2 class="utrecht-heading-2" id="beheer-titel">{{T_KEEPER_TITLE}}</h2>
{{#NOTICE}}<div class="kp-notice kp-notice--success" role="status"><p class="utrecht-paragraph">{{TEXT}}</p></div>
{{/NOTICE}}{{#EDIT}}<ul class="kp-actions">
<li><a class="utrecht-link" href="{{EDIT_URL}}">{{T_EDIT_ORGANIZATION}}</a></li>
<li><a class="utrecht-link" href="{{SERVICES_URL}}">{{T_LST_SERVICES_LINK}}</a></li>
<li><a class="utrecht-link" href="{{LOCATIONS_URL}}">{{T_LST_LOCATIONS_LINK}}</a></li>
<li><a class="utrecht-link" href="{{REPORTS_URL}}">{{REPORTS_LINK}}</a></li>
{{#MANAGE}}<li><a class="utrecht-link" href="{{MEMBERS_URL}}">{{T_MEMBERS_LINK}}</a></li>
<li><a class="utrecht-link" href="{{KEYS_URL}}">{{T_API_KEYS_TITLE}}</a></li>{{/MANAGE}}
</ul>
<form class="kp-form" method="post" action="{{CONFIRM_URL}}"><input type="hidden" name="csrf" value="{{CSRF}}">
<p class="utrecht-paragraph">{{T_CONFIRM_INTRO}}</p>
<button class="utrecht-button utrecht-button--secondary-action" type="submit">{{T_CONFIRM_BUTTON}}</button></form>
{{/EDIT}}{{#CLAIM}}<form class="kp-form" method="post" action="{{CLAIM_URL}}"><input type="hidden" name="csrf" value="{{CSRF}}">
<p class="utrecht-paragraph">{{T_CLAIM_INTRO}}</p>
<button class="utrecht-button utrecht-button--secondary-action" type="submit">{{T_CLAIM_BUTTON}}</button></form>
{{/CLAIM}}{{#SIGN_IN}}<p class="utrecht-paragraph">{{T_CLAIM_INTRO}} <a class="utrecht-link" href="{{SIGN_IN_URL}}">{{T_CLAIM_SIGN_IN}}</a></p>
{{/SIGN_IN}}</section>
