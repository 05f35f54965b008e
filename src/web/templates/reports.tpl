{{%AUTOESCAPE context="HTML"}}<h1 class="utrecht-heading-1">{{T_REPORTS_TITLE}}</h1>
<p class="utrecht-paragraph"><span lang="nl" dir="ltr">{{ORGANIZATION}}</span></p>
{{#NOTICE}}<div class="kp-notice kp-notice--success" role="status"><p class="utrecht-paragraph">{{TEXT}}</p></div>
{{/NOTICE}}<p class="utrecht-paragraph">{{T_REPORTS_INTRO}}</p>
{{#NONE}}<p class="utrecht-paragraph">{{T_REPORTS_NONE}}</p>
{{/NONE}}{{#REPORTS}}<ul class="kp-requests">
{{#REPORT}}<li class="kp-request">
<h2 class="utrecht-heading-3"><a class="utrecht-link" href="{{SERVICE_URL}}" lang="nl" dir="ltr">{{SERVICE}}</a></h2>
<p class="utrecht-paragraph kp-report-message"{{#MESSAGE_LANG}} lang="{{CODE}}" dir="auto"{{/MESSAGE_LANG}}>{{MESSAGE}}</p>
<dl class="kp-facts">
<dt>{{T_REQUEST_DATE}}</dt><dd>{{DATE}}</dd>
{{#FROM}}<dt>{{T_REPORT_FROM}}</dt><dd><a class="utrecht-link" href="mailto:{{ADDRESS}}">{{ADDRESS}}</a></dd>
{{/FROM}}</dl>
<form method="post" action="{{DONE_URL}}"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="utrecht-button utrecht-button--secondary-action" type="submit">{{T_REPORT_DONE_BUTTON}}</button></form>
</li>
{{/REPORT}}</ul>
{{/REPORTS}}<p class="utrecht-paragraph"><a class="utrecht-link" href="{{BACK_URL}}">{{T_BACK_TO_ORGANIZATION}}</a></p>
