{{%AUTOESCAPE context="HTML"}}<h1 class="utrecht-heading-1">{{HEADING}}</h1>
<form class="kp-search" action="{{PREFIX}}/zoeken" method="get" role="search">
<div class="utrecht-form-field">
<label class="utrecht-form-label" for="q">{{T_SEARCH_LABEL}}</label>
<input class="utrecht-textbox utrecht-textbox--html-input" id="q" name="q" type="search" value="{{Q}}" maxlength="200">
</div>
{{#KEEP}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">
{{/KEEP}}<button class="utrecht-button utrecht-button--primary-action" type="submit">{{T_SEARCH_BUTTON}}</button>
</form>
{{#DID_YOU_MEAN}}<p class="utrecht-paragraph kp-notice">{{BEFORE}}<a class="utrecht-link" href="{{URL}}">{{WORDS}}</a>{{AFTER}}</p>
{{/DID_YOU_MEAN}}<p class="utrecht-paragraph" role="status">{{COUNT}}</p>
<div class="kp-results-layout">
<section class="kp-results" aria-labelledby="resultaten">
<h2 class="kp-visually-hidden" id="resultaten">{{COUNT}}</h2>
{{#NONE}}<p class="utrecht-paragraph">{{T_NO_RESULTS}}</p>
{{/NONE}}<ol class="kp-result-list">
{{#RESULT}}<li class="kp-result">
<h3 class="utrecht-heading-3"><a class="utrecht-link" href="{{URL}}"{{#NAME_LANG}} lang="{{CODE}}" dir="ltr"{{/NAME_LANG}}>{{NAME}}</a></h3>
<p class="utrecht-paragraph" lang="nl" dir="ltr">{{ORGANIZATION}}</p>
<p class="kp-meta">{{#OPEN}}<span class="kp-badge">{{T_OPEN_NOW}}</span> {{/OPEN}}{{#DISTANCE}}<span>{{TEXT}}</span> {{/DISTANCE}}{{#LANGS}}<span>{{T_LANGUAGES}}: {{LIST}}</span>{{/LANGS}}</p>
</li>
{{/RESULT}}</ol>
{{#PAGES}}<nav class="kp-pagination" aria-label="{{LABEL}}">
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
{{#OPTION}}<div class="kp-option"><input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id="{{ID}}" name="{{NAME}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> <label for="{{ID}}">{{LABEL}}{{#COUNT}} ({{N}}){{/COUNT}}</label></div>
{{/OPTION}}</fieldset>
{{/GROUP}}<div class="kp-option"><input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="open" name="open" value="nu"{{#OPEN_CHECKED}} checked{{/OPEN_CHECKED}}> <label for="open">{{T_FILTER_OPEN}}</label></div>
<button class="utrecht-button" type="submit">{{T_FILTER_APPLY}}</button>
<p class="utrecht-paragraph"><a class="utrecht-link" href="{{CLEAR_URL}}">{{T_FILTER_CLEAR}}</a></p>
</form>
</aside>
{{#MAP}}<div class="kp-map-anchor" data-points="{{POINTS}}" data-label="{{T_MAP_LABEL}}" data-zoom-in="{{T_MAP_ZOOM_IN}}" data-zoom-out="{{T_MAP_ZOOM_OUT}}"></div>
{{/MAP}}</div>
