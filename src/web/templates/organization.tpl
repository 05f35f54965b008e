{{%AUTOESCAPE context="HTML"}}<h1 class="utrecht-heading-1" lang="nl" dir="ltr">{{NAME}}</h1>
{{#KIND}}<p class="utrecht-paragraph">{{T_FILTER_KIND}}: {{TEXT}}</p>{{/KIND}}
<p class="utrecht-paragraph"{{#TEXT_LANG}} lang="{{CODE}}" dir="ltr"{{/TEXT_LANG}}>{{DESCRIPTION}}</p>
{{#COMMUNITIES}}<p class="utrecht-paragraph">{{T_COMMUNITIES}}: {{LIST}}</p>{{/COMMUNITIES}}
<h2 class="utrecht-heading-2">{{T_SERVICES_OF}}</h2>
<ul class="utrecht-unordered-list">
{{#SERVICE}}<li><a class="utrecht-link" href="{{URL}}"{{#NAME_LANG}} lang="{{CODE}}" dir="ltr"{{/NAME_LANG}}>{{NAME}}</a></li>
{{/SERVICE}}</ul>
<p class="utrecht-paragraph kp-meta">{{VERIFIED}}</p>
