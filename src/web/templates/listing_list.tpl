{{%AUTOESCAPE context="HTML"}}{{!-- The listing editor's lists (listing_pages.cpp): an organisation's services or locations, each with its actions. --}}<h1 class="utrecht-heading-1">{{HEADING_BEFORE}}<span lang="nl" dir="ltr">{{NAME}}</span>{{HEADING_AFTER}}</h1>
{{#NOTICE}}<div class="kp-notice kp-notice--success" role="status"><p class="utrecht-paragraph">{{TEXT}}</p></div>
{{/NOTICE}}<p class="utrecht-paragraph">{{INTRO}}</p>
<ul class="kp-actions">
<li><a class="utrecht-link kp-listing-new" href="{{NEW_URL}}">{{NEW_TEXT}}</a></li>
</ul>
{{#NONE}}<p class="utrecht-paragraph">{{TEXT}}</p>
{{/NONE}}{{#ITEM}}<div class="kp-listing-item">
<h2 class="utrecht-heading-3"><span lang="nl" dir="ltr">{{NAME}}</span></h2>
{{#DETAIL}}<p class="utrecht-paragraph">{{#DUTCH}}<span lang="nl" dir="ltr">{{/DUTCH}}{{TEXT}}{{#DUTCH}}</span>{{/DUTCH}}</p>
{{/DETAIL}}<ul class="kp-actions">
{{#ACTION}}<li><a class="utrecht-link" href="{{URL}}">{{TEXT}}<span class="kp-visually-hidden">: <span lang="nl" dir="ltr">{{NAME}}</span></span></a></li>
{{/ACTION}}</ul>
</div>
{{/ITEM}}{{#LINK}}<p class="utrecht-paragraph"><a class="utrecht-link" href="{{URL}}">{{TEXT}}</a></p>
{{/LINK}}
