{{%AUTOESCAPE context="HTML"}}<h1 class="utrecht-heading-1">{{T_REQUESTS_TITLE}}</h1>
{{#NOTICE}}<div class="kp-notice kp-notice--success" role="status"><p class="utrecht-paragraph">{{TEXT}}</p></div>
{{/NOTICE}}<p class="utrecht-paragraph">{{T_REQUESTS_INTRO}}</p>
{{#NONE}}<p class="utrecht-paragraph">{{T_REQUESTS_NONE}}</p>
{{/NONE}}<ul class="kp-requests">
{{#REQUEST}}<li class="kp-request">
<h2 class="utrecht-heading-3">{{#URL}}<a class="utrecht-link" href="{{URL}}">{{/URL}}<span lang="nl" dir="ltr">{{ORGANIZATION}}</span>{{#URL}}</a>{{/URL}}</h2>
{{#NEW}}<p class="utrecht-paragraph"><strong>{{T_REQUEST_NEW_ORGANIZATION}}</strong></p>
<p class="utrecht-paragraph" lang="nl" dir="auto">{{DESCRIPTION}}</p>
{{/NEW}}<dl class="kp-facts">
{{#NEW}}<dt>{{T_REQUEST_ADDRESS}}</dt><dd dir="auto">{{ADDRESS}}</dd>
{{/NEW}}<dt>{{T_REQUEST_WHO}}</dt><dd>{{WHO}}</dd>
<dt>{{T_REQUEST_REGION}}</dt><dd>{{REGION}}</dd>
<dt>{{T_REQUEST_DATE}}</dt><dd>{{DATE}}</dd>
</dl>
<div class="kp-decide">
<form method="post" action="{{APPROVE}}"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="utrecht-button utrecht-button--primary-action" type="submit">{{T_REQUEST_APPROVE}}</button></form>
<form method="post" action="{{REJECT}}"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="utrecht-button utrecht-button--secondary-action" type="submit">{{T_REQUEST_REJECT}}</button></form>
</div>
</li>
{{/REQUEST}}</ul>
