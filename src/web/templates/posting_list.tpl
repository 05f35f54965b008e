{{%AUTOESCAPE context="HTML"}}{{!-- Supply and demand (posting_pages.cpp): the open postings, newest first, with a search box, filters, pages and (with JavaScript) a map of those that have a place. --}}<h1 class="utrecht-heading-1">{{T_PST_TITLE}}</h1>
<p class="utrecht-paragraph">{{T_PST_INTRO}}</p>
<ul class="kp-actions kp-posting-actions">
<li><a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href="{{PREFIX}}/vraag-en-aanbod/nieuw?kant=request">{{T_PST_I_ASK}}</a></li>
<li><a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href="{{PREFIX}}/vraag-en-aanbod/nieuw?kant=offer">{{T_PST_I_OFFER}}</a></li>
</ul>
<form class="kp-search" action="{{BASE}}" method="get" role="search">
<div class="utrecht-form-field">
<label class="utrecht-form-label" for="q">{{T_PST_SEARCH_LABEL}}</label>
<input class="utrecht-textbox utrecht-textbox--html-input" id="q" name="q" type="search" value="{{Q}}" maxlength="200">
</div>
{{#KEEP}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">
{{/KEEP}}<button class="utrecht-button utrecht-button--primary-action" type="submit">{{T_SEARCH_BUTTON}}</button>
</form>
<p class="utrecht-paragraph" role="status">{{COUNT}}</p>
<div class="kp-results-layout">
<section class="kp-results" aria-labelledby="oproepen">
<h2 class="kp-visually-hidden" id="oproepen">{{COUNT}}</h2>
{{#NONE}}<p class="utrecht-paragraph">{{T_PST_NONE}}</p>
{{/NONE}}{{#ITEMS}}<ol class="kp-result-list">
{{#POSTING}}<li class="kp-result">
<h3 class="utrecht-heading-3"><a class="utrecht-link" href="{{URL}}" dir="auto">{{TITLE}}</a></h3>
<p class="kp-meta"><span class="kp-badge kp-badge--neutral">{{SIDE}}</span> <span>{{KIND}}</span>{{#PLACE}} <span lang="nl" dir="ltr">{{NAME}}</span>{{/PLACE}}</p>
{{#ORGANIZATION}}<p class="utrecht-paragraph">{{T_ORGANIZATION}}: <span lang="nl" dir="ltr">{{NAME}}</span></p>
{{/ORGANIZATION}}{{#EXCERPT}}<p class="utrecht-paragraph" dir="auto">{{TEXT}}</p>
{{/EXCERPT}}{{#LANGS}}<p class="kp-meta">{{T_LANGUAGES}}: {{LIST}}</p>
{{/LANGS}}</li>
{{/POSTING}}</ol>
{{/ITEMS}}{{#PAGES}}<nav class="kp-pagination" aria-label="{{T_PST_PAGES_LABEL}}">
{{#PREVIOUS}}<a class="utrecht-link" rel="prev" href="{{URL}}">{{T_PREVIOUS}}</a>{{/PREVIOUS}}
<span>{{LABEL}}</span>
{{#NEXT}}<a class="utrecht-link" rel="next" href="{{URL}}">{{T_NEXT}}</a>{{/NEXT}}
</nav>
{{/PAGES}}</section>
<aside class="kp-facets" aria-labelledby="filters">
<h2 class="utrecht-heading-2" id="filters">{{T_FILTERS}}</h2>
<form action="{{BASE}}" method="get" class="kp-filter-form">
<input type="hidden" name="q" value="{{Q}}">
{{#GROUP}}<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
<legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{{LEGEND}}</legend>
{{#OPTION}}<div class="kp-option"><input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id="{{ID}}" name="{{NAME}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> <label for="{{ID}}">{{LABEL}}</label></div>
{{/OPTION}}</fieldset>
{{/GROUP}}<button class="utrecht-button" type="submit">{{T_FILTER_APPLY}}</button>
<p class="utrecht-paragraph"><a class="utrecht-link" href="{{CLEAR_URL}}">{{T_FILTER_CLEAR}}</a></p>
</form>
</aside>
{{#MAP}}<div class="kp-map-anchor" data-points="{{POINTS}}" data-label="{{T_PST_MAP_LABEL}}" data-zoom-in="{{T_MAP_ZOOM_IN}}" data-zoom-out="{{T_MAP_ZOOM_OUT}}"></div>
{{/MAP}}</div>
