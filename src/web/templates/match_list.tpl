{{%AUTOESCAPE context="HTML"}}{{!-- My matches (match_pages.cpp): the sent matches of the visitor, newest first, each with its posting, the visitor's side, the status in words and the reasons of the proposal. --}}<h1 class="utrecht-heading-1">{{T_MAT_TITLE}}</h1>
<p class="utrecht-paragraph">{{T_MAT_INTRO}}</p>
{{#NONE}}<div class="kp-notice">
<p class="utrecht-paragraph"><strong>{{T_MAT_NONE}}</strong></p>
<p class="utrecht-paragraph">{{T_MAT_NONE_HELP}}</p>
<p class="utrecht-paragraph"><a class="utrecht-link" href="{{PROFILE_URL}}">{{T_MAT_PROFILE_LINK}}</a></p>
</div>
{{/NONE}}{{#LIST}}<ul class="kp-mat-list">
{{#MATCH}}<li class="kp-mat-item">
<h2 class="utrecht-heading-3"><a class="utrecht-link" href="{{URL}}"><span dir="auto">{{TITLE}}</span></a></h2>
<dl class="kp-facts">
<dt>{{T_MAT_KIND}}</dt><dd>{{KIND}}</dd>
<dt>{{T_MAT_ROLE}}</dt><dd>{{ROLE}}</dd>
<dt>{{T_MAT_STATUS}}</dt><dd>{{STATUS}}</dd>
{{#EXPIRES}}<dt>{{T_MAT_ANSWER_BEFORE}}</dt><dd>{{WHEN}}</dd>
{{/EXPIRES}}</dl>
{{#REASONS}}<h3 class="utrecht-heading-4">{{T_MAT_REASONS}}</h3>
<ul class="utrecht-unordered-list">{{#REASON}}<li>{{TEXT}}</li>{{/REASON}}</ul>
{{/REASONS}}<p class="utrecht-paragraph"><a class="utrecht-link" href="{{URL}}">{{T_MAT_OPEN_MATCH}}<span class="kp-visually-hidden">: <span dir="auto">{{TITLE}}</span></span></a></p>
</li>
{{/MATCH}}</ul>
{{/LIST}}
