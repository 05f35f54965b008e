{{%AUTOESCAPE context="HTML"}}<article class="kp-detail">
<h1 class="utrecht-heading-1"{{#NAME_LANG}} lang="{{CODE}}" dir="ltr"{{/NAME_LANG}}>{{NAME}}</h1>
<p class="utrecht-paragraph">{{T_ORGANIZATION}}: <a class="utrecht-link" href="{{ORGANIZATION_URL}}" lang="nl" dir="ltr">{{ORGANIZATION}}</a></p>
{{#OPEN}}<p><span class="kp-badge">{{T_OPEN_NOW}}</span></p>{{/OPEN}}
{{#SECTION}}<h2 class="utrecht-heading-2">{{TITLE}}</h2>
{{#PARAGRAPH}}<p class="utrecht-paragraph"{{#TEXT_LANG}} lang="{{CODE}}" dir="ltr"{{/TEXT_LANG}}>{{TEXT}}</p>
{{/PARAGRAPH}}{{#ITEMS}}<ul class="utrecht-unordered-list">{{#ITEM}}<li>{{TEXT}}</li>{{/ITEM}}</ul>
{{/ITEMS}}{{/SECTION}}
{{#PLACE}}<h2 class="utrecht-heading-2">{{T_ADDRESS}}</h2>
<p class="utrecht-paragraph" lang="nl" dir="ltr">{{ADDRESS}}</p>
{{#ROUTE}}<p class="utrecht-paragraph"><a class="utrecht-link" href="{{URL}}">{{T_ROUTE}}</a></p>{{/ROUTE}}
{{/PLACE}}
{{#CONTACT}}<h2 class="utrecht-heading-2">{{T_CONTACT}}</h2>
<ul class="utrecht-unordered-list">
{{#PHONE}}<li>{{T_PHONE}}: <a class="utrecht-link" href="tel:{{NUMBER_URL}}">{{NUMBER}}</a></li>{{/PHONE}}
{{#EMAIL}}<li>{{T_EMAIL}}: <a class="utrecht-link" href="mailto:{{ADDRESS}}">{{ADDRESS}}</a></li>{{/EMAIL}}
{{#WEBSITE}}<li>{{T_WEBSITE}}: <a class="utrecht-link" href="{{URL}}">{{URL}}</a></li>{{/WEBSITE}}
</ul>
{{/CONTACT}}
<p class="utrecht-paragraph kp-meta">{{VERIFIED}}</p>
{{#MAP}}<div class="kp-map-anchor" data-points="{{POINTS}}" data-label="{{T_MAP_LABEL}}" data-zoom-in="{{T_MAP_ZOOM_IN}}" data-zoom-out="{{T_MAP_ZOOM_OUT}}"></div>
{{/MAP}}</article>
<section class="kp-form-section" aria-labelledby="melding">
<h2 class="utrecht-heading-2" id="melding">{{T_REPORT_TITLE}}</h2>
{{#THANKS}}<p class="kp-notice" role="status">{{T_REPORT_THANKS}}</p>
{{/THANKS}}{{#ERRORS}}<div class="kp-notice kp-notice--error" role="alert"><h3 class="utrecht-heading-3">{{T_ERRORS_TITLE}}</h3>
<ul>{{#ERROR}}<li><a class="utrecht-link" href="#{{FIELD}}">{{TEXT}}</a></li>{{/ERROR}}</ul></div>
{{/ERRORS}}<p class="utrecht-paragraph">{{T_REPORT_INTRO}}</p>
<form class="kp-form" method="post" action="{{REPORT_URL}}#melding" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="utrecht-form-field">
<label class="utrecht-form-label" for="bericht">{{T_REPORT_MESSAGE}}</label>
{{#MESSAGE_ERROR}}<p class="kp-field-error" id="bericht-fout">{{TEXT}}</p>{{/MESSAGE_ERROR}}
<textarea class="utrecht-textarea utrecht-textarea--html-textarea" id="bericht" name="bericht" rows="5" maxlength="2000" aria-required="true"{{#MESSAGE_ERROR}} aria-invalid="true" aria-describedby="bericht-fout"{{/MESSAGE_ERROR}}>{{MESSAGE}}</textarea>
</div>
<div class="utrecht-form-field">
<label class="utrecht-form-label" for="email">{{T_REPORT_EMAIL}}</label>
<p class="utrecht-form-field-description" id="email-hint">{{T_REPORT_EMAIL_HINT}}</p>
{{#EMAIL_ERROR}}<p class="kp-field-error" id="email-fout">{{TEXT}}</p>{{/EMAIL_ERROR}}
<input class="utrecht-textbox utrecht-textbox--html-input" id="email" name="email" type="email" autocomplete="email" maxlength="254" value="{{EMAIL}}" aria-describedby="email-hint{{#EMAIL_ERROR}} email-fout{{/EMAIL_ERROR}}"{{#EMAIL_ERROR}} aria-invalid="true"{{/EMAIL_ERROR}}>
</div>
<button class="utrecht-button utrecht-button--primary-action" type="submit">{{T_REPORT_SEND}}</button>
</form>
</section>
