{{%AUTOESCAPE context="HTML"}}<h1 class="utrecht-heading-1">{{T_AUDIT_TITLE}}</h1>
<p class="utrecht-paragraph">{{T_AUDIT_INTRO}}</p>
<p class="utrecht-paragraph"><a class="utrecht-link" href="{{CSV_URL}}" download>{{T_AUDIT_CSV}}</a></p>
{{#NONE}}<p class="utrecht-paragraph">{{T_AUDIT_NONE}}</p>
{{/NONE}}<ol class="kp-requests" dir="ltr">
{{#ENTRY}}<li class="kp-request">
<dl class="kp-facts">
<dt>{{T_AUDIT_WHEN}}</dt><dd><time datetime="{{AT}}">{{WHEN}}</time></dd>
<dt>{{T_AUDIT_WHO}}</dt><dd><code translate="no">{{WHO}}</code></dd>
<dt>{{T_AUDIT_WHAT}}</dt><dd><code translate="no">{{ACTION}}</code></dd>
{{#RECORD}}<dt>{{T_AUDIT_RECORD}}</dt><dd><code translate="no">{{TABLE}} {{ID}}</code></dd>
{{/RECORD}}</dl>
</li>
{{/ENTRY}}</ol>
<nav class="kp-pages" aria-label="{{T_AUDIT_TITLE}}">
{{#NEWEST}}<p class="utrecht-paragraph"><a class="utrecht-link" href="{{URL}}">{{T_AUDIT_NEWEST}}</a></p>
{{/NEWEST}}{{#OLDER}}<p class="utrecht-paragraph"><a class="utrecht-link" href="{{URL}}">{{T_AUDIT_OLDER}}</a></p>
{{/OLDER}}</nav>
