{{%AUTOESCAPE context="HTML"}}{{!-- One posting (posting_pages.cpp): what it is in words, for its author or keepers its status with the steps they may take, for others how to take part. Never the author's name or address. --}}<article class="kp-detail">
<h1 class="utrecht-heading-1" dir="auto">{{TITLE}}</h1>
{{#NOTICE}}<div class="kp-notice kp-notice--success" role="status"><p class="utrecht-paragraph">{{TEXT}}</p></div>
{{/NOTICE}}<p class="kp-meta"><span class="kp-badge kp-badge--neutral">{{SIDE}}</span> <span>{{KIND}}</span></p>
{{#ORGANIZATION}}<p class="utrecht-paragraph">{{T_ORGANIZATION}}: <a class="utrecht-link" href="{{URL}}" lang="nl" dir="ltr">{{NAME}}</a></p>
{{/ORGANIZATION}}{{#PARAGRAPH}}<p class="utrecht-paragraph" dir="auto">{{TEXT}}</p>
{{/PARAGRAPH}}<h2 class="utrecht-heading-2">{{T_PST_DETAILS_TITLE}}</h2>
<dl class="kp-facts">
{{#FACT}}<dt>{{TERM}}</dt><dd{{#DUTCH}} lang="nl" dir="ltr"{{/DUTCH}}>{{VALUE}}</dd>
{{/FACT}}</dl>
{{#MAP}}<div class="kp-map-anchor" data-points="{{POINTS}}" data-label="{{T_PST_MAP_LABEL}}" data-zoom-in="{{T_MAP_ZOOM_IN}}" data-zoom-out="{{T_MAP_ZOOM_OUT}}"></div>
{{/MAP}}</article>
{{#KEEPER}}<section class="kp-form-section" aria-labelledby="jouw-oproep">
<h2 class="utrecht-heading-2" id="jouw-oproep">{{T_PST_MANAGE_TITLE}}</h2>
<p class="utrecht-paragraph">{{T_PST_STATUS_LABEL}}: <strong>{{STATUS}}</strong></p>
{{#EXPIRED}}<p class="utrecht-paragraph">{{T_PST_EXPIRED_HINT}}</p>
{{/EXPIRED}}{{#MOVES}}<ul class="kp-actions kp-posting-moves">
{{#MOVE}}<li><form method="post" action="{{URL}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="status" value="{{TO}}">
<button class="utrecht-button {{#PRIMARY}}utrecht-button--primary-action{{/PRIMARY}}{{#SECONDARY}}utrecht-button--secondary-action{{/SECONDARY}}" type="submit"{{#HINT}} aria-describedby="{{ID}}"{{/HINT}}>{{TEXT}}</button>
{{#HINT}}<p class="utrecht-form-field-description" id="{{ID}}">{{TEXT}}</p>{{/HINT}}
</form></li>
{{/MOVE}}</ul>
{{/MOVES}}{{#EDIT}}<p class="utrecht-paragraph"><a class="utrecht-link" href="{{URL}}">{{T_PST_EDIT_LINK}}</a></p>
{{/EDIT}}</section>
{{/KEEPER}}{{#OTHER}}<section class="kp-form-section" aria-labelledby="meedoen">
<h2 class="utrecht-heading-2" id="meedoen">{{T_PST_JOIN_TITLE}}</h2>
<p class="utrecht-paragraph">{{T_PST_JOIN_TEXT}}</p>
<p class="utrecht-paragraph"><a class="utrecht-link" href="{{PREFIX}}/mijn-profiel">{{T_PST_JOIN_LINK}}</a></p>
</section>
{{/OTHER}}{{#ANONYMOUS}}<section class="kp-form-section" aria-labelledby="meedoen">
<h2 class="utrecht-heading-2" id="meedoen">{{T_PST_JOIN_TITLE}}</h2>
<p class="utrecht-paragraph">{{T_PST_SIGN_IN_TEXT}}</p>
<p class="utrecht-paragraph"><a class="utrecht-link" href="{{URL}}">{{T_NAV_SIGN_IN}}</a></p>
</section>
{{/ANONYMOUS}}<p class="utrecht-paragraph"><a class="utrecht-link" href="{{PREFIX}}/vraag-en-aanbod">{{T_PST_BACK_TO_LIST}}</a></p>
