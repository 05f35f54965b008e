{{%AUTOESCAPE context="HTML"}}{{!-- The moderation queue (match_pages.cpp): postings awaiting the help desk, each with all its text, and a form to approve or reject it. --}}<h1 class="utrecht-heading-1">{{T_MAT_QUEUE_TITLE}}</h1>
{{#NOTICE}}<div class="kp-notice kp-notice--success" role="status"><p class="utrecht-paragraph">{{TEXT}}</p></div>
{{/NOTICE}}<p class="utrecht-paragraph">{{T_MAT_QUEUE_INTRO}}</p>
{{#NONE}}<p class="utrecht-paragraph">{{T_MAT_QUEUE_NONE}}</p>
{{/NONE}}{{#LIST}}<ul class="kp-mat-list">
{{#POSTING}}<li class="kp-mat-item">
<h2 class="utrecht-heading-3" id="oproep-{{ID}}"><span dir="auto">{{TITLE}}</span></h2>
<dl class="kp-facts">
{{#FACT}}<dt>{{LABEL}}</dt><dd>{{#OWN}}<span dir="auto">{{/OWN}}{{VALUE}}{{#OWN}}</span>{{/OWN}}</dd>
{{/FACT}}</dl>
{{#DESCRIPTION}}<h3 class="utrecht-heading-4">{{T_MAT_DESCRIPTION}}</h3>
<p class="utrecht-paragraph kp-mat-text" dir="auto">{{TEXT:pre_escape}}</p>
{{/DESCRIPTION}}<div class="kp-mat-actions">
<form method="post" action="{{URL}}"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="besluit" value="goedkeuren"><button class="utrecht-button utrecht-button--primary-action" type="submit">{{T_MAT_APPROVE}}<span class="kp-visually-hidden">: <span dir="auto">{{TITLE}}</span></span></button></form>
<form method="post" action="{{URL}}"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="besluit" value="afwijzen"><button class="utrecht-button utrecht-button--secondary-action" type="submit">{{T_MAT_REJECT}}<span class="kp-visually-hidden">: <span dir="auto">{{TITLE}}</span></span></button></form>
</div>
</li>
{{/POSTING}}</ul>
{{/LIST}}{{#PAGES}}<nav class="kp-pagination" aria-label="{{LABEL}}">
{{#PREVIOUS}}<a class="utrecht-link" rel="prev" href="{{URL}}">{{T_PREVIOUS}}</a>{{/PREVIOUS}}
<span>{{LABEL}}</span>
{{#NEXT}}<a class="utrecht-link" rel="next" href="{{URL}}">{{T_NEXT}}</a>{{/NEXT}}
</nav>
{{/PAGES}}
