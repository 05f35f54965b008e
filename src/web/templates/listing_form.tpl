{{%AUTOESCAPE context="HTML"}}{{!-- The listing editor's forms (listing_pages.cpp): groups of fields, each group a fieldset with a legend or a plain run of fields; text boxes, text areas, selects, checkboxes and radio buttons; errors beside their field and summarised at the top. --}}<h1 class="utrecht-heading-1">{{HEADING_BEFORE}}{{#HEADING_NAME}}<span lang="nl" dir="ltr">{{NAME}}</span>{{/HEADING_NAME}}{{HEADING_AFTER}}</h1>
{{#INTRO}}<p class="utrecht-paragraph">{{TEXT}}</p>
{{/INTRO}}{{#ERRORS}}<div class="kp-error-summary" role="alert" aria-labelledby="fouten-titel" tabindex="-1" autofocus>
<h2 class="utrecht-heading-2" id="fouten-titel">{{T_FORM_ERRORS}}</h2>
<ul>{{#ERROR}}<li><a class="utrecht-link" href="#{{FIELD}}">{{TEXT}}</a></li>{{/ERROR}}</ul>
</div>
{{/ERRORS}}{{#OTHER}}<div class="kp-notice"><p class="utrecht-paragraph">{{T_LST_OTHER_HOURS}}</p>
<ul class="utrecht-unordered-list">{{#LINE}}<li>{{TEXT}}</li>{{/LINE}}</ul></div>
{{/OTHER}}<form class="kp-form" method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#GROUP}}{{#FIELDSET}}<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset utrecht-form-field"{{#GROUP_DESCRIBED}} aria-describedby="{{IDS}}"{{/GROUP_DESCRIBED}}>
<legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend"><span class="utrecht-heading-3"{{#LEGEND_LANG}} lang="{{CODE}}" dir="{{TEXT_DIR}}"{{/LEGEND_LANG}}>{{LEGEND}}</span></legend>
{{#GROUP_HINT}}<p class="utrecht-form-field-description" id="{{ID}}-hint">{{TEXT}}</p>
{{/GROUP_HINT}}{{#GROUP_ERROR}}<p class="kp-field-error" id="{{ID}}-fout">{{TEXT}}</p>
{{/GROUP_ERROR}}{{/FIELDSET}}{{#GROUP_TEXT}}<p class="utrecht-paragraph">{{TEXT}}</p>
{{/GROUP_TEXT}}{{#FIELD}}{{#BOX}}<div class="utrecht-form-field">
<label class="utrecht-form-label" for="{{NAME}}">{{LABEL}}</label>
{{#HINT}}<p class="utrecht-form-field-description" id="{{NAME}}-hint">{{TEXT}}</p>
{{/HINT}}{{#FIELD_ERROR}}<p class="kp-field-error" id="{{NAME}}-fout">{{TEXT}}</p>
{{/FIELD_ERROR}}{{#INPUT}}<input class="utrecht-textbox utrecht-textbox--html-input{{#NARROW}} utrecht-textbox--house-number-size{{/NARROW}}{{#POSTCODE}} utrecht-textbox--postal-code-nl-size{{/POSTCODE}}" id="{{NAME}}" name="{{NAME}}" type="{{TYPE}}" autocomplete="{{AUTOCOMPLETE}}" maxlength="{{MAX}}" value="{{VALUE}}"{{#OWN_LANG}} lang="{{CODE}}" dir="{{TEXT_DIR}}"{{/OWN_LANG}}{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}{{#REQUIRED}} required{{/REQUIRED}}{{#DECIMAL}} inputmode="decimal"{{/DECIMAL}}>
{{/INPUT}}{{#TEXTAREA}}<textarea class="utrecht-textarea utrecht-textarea--html-textarea" id="{{NAME}}" name="{{NAME}}" rows="5" maxlength="{{MAX}}"{{#OWN_LANG}} lang="{{CODE}}" dir="{{TEXT_DIR}}"{{/OWN_LANG}}{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}{{#REQUIRED}} required{{/REQUIRED}}>{{VALUE}}</textarea>
{{/TEXTAREA}}{{#SELECT}}<select class="utrecht-select utrecht-select--html-select" id="{{NAME}}" name="{{NAME}}"{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}{{#REQUIRED}} required{{/REQUIRED}}>
{{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{TEXT}}</option>
{{/OPTION}}</select>
{{/SELECT}}</div>
{{/BOX}}{{#CHECK}}<div class="kp-option"><input class="{{#CHECKBOX}}utrecht-checkbox utrecht-checkbox--html-input{{/CHECKBOX}}{{#RADIO}}utrecht-radio-button utrecht-radio-button--html-input{{/RADIO}}" id="{{ID}}" name="{{NAME}}" type="{{TYPE}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}><label class="utrecht-form-label" for="{{ID}}">{{LABEL}}{{#OWN_NAME}} <span lang="{{CODE}}" dir="{{TEXT_DIR}}">({{TEXT}})</span>{{/OWN_NAME}}</label></div>
{{/CHECK}}{{/FIELD}}{{#FIELDSET}}</fieldset>
{{/FIELDSET}}{{/GROUP}}<button class="utrecht-button utrecht-button--primary-action" type="submit">{{SUBMIT}}</button>
</form>
{{#LINK}}<p class="utrecht-paragraph"><a class="utrecht-link" href="{{URL}}">{{TEXT}}</a></p>
{{/LINK}}
