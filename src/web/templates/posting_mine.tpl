{{%AUTOESCAPE context="HTML"}}{{!-- My postings (posting_pages.cpp): every posting of the visitor, in every status, newest first. --}}<h1 class="utrecht-heading-1">{{T_PST_MINE_TITLE}}</h1>
<p class="utrecht-paragraph">{{T_PST_MINE_INTRO}}</p>
<ul class="kp-actions">
<li><a class="utrecht-link" href="{{PREFIX}}/vraag-en-aanbod/nieuw">{{T_PST_NEW_LINK}}</a></li>
</ul>
{{#NONE}}<p class="utrecht-paragraph">{{T_PST_MINE_NONE}}</p>
{{/NONE}}{{#ITEMS}}<ol class="kp-result-list">
{{#POSTING}}<li class="kp-result">
<h2 class="utrecht-heading-3"><a class="utrecht-link" href="{{URL}}" dir="auto">{{TITLE}}</a></h2>
<p class="kp-meta"><span class="kp-badge kp-badge--neutral">{{STATUS}}</span> <span>{{SIDE}}</span> <span>{{KIND}}</span></p>
<p class="kp-meta">{{T_PST_POSTED_LABEL}}: {{DATE}}</p>
</li>
{{/POSTING}}</ol>
{{/ITEMS}}{{#PAGES}}<nav class="kp-pagination" aria-label="{{T_PST_PAGES_LABEL}}">
{{#PREVIOUS}}<a class="utrecht-link" rel="prev" href="{{URL}}">{{T_PREVIOUS}}</a>{{/PREVIOUS}}
<span>{{LABEL}}</span>
{{#NEXT}}<a class="utrecht-link" rel="next" href="{{URL}}">{{T_NEXT}}</a>{{/NEXT}}
</nav>
{{/PAGES}}<p class="utrecht-paragraph"><a class="utrecht-link" href="{{PREFIX}}/vraag-en-aanbod">{{T_PST_BACK_TO_LIST}}</a></p>
