{{%AUTOESCAPE context="HTML"}}{{!-- The forms of supply and demand (posting_pages.cpp): an error summary, then groups of fields, each a fieldset with a legend or a plain run of fields: text boxes, text areas, selects, checkboxes, radio buttons and the week as a table of day parts; hidden fields carry what earlier steps asked; one or more submit buttons. Included by posting_form.tpl and posting_profile.tpl. --}}{{#ERRORS}}<div class="kp-error-summary" role="alert" aria-labelledby="fouten-titel" tabindex="-1" autofocus>
<h2 class="utrecht-heading-2" id="fouten-titel">{{T_FORM_ERRORS}}</h2>
<ul>{{#ERROR}}<li><a class="utrecht-link" href="#{{FIELD}}">{{TEXT}}</a></li>{{/ERROR}}</ul>
</div>
{{/ERRORS}}<form class="kp-form kp-posting-form" method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#HIDDEN}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">
{{/HIDDEN}}{{#GROUP}}{{#FIELDSET}}<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset utrecht-form-field"{{#GROUP_DESCRIBED}} aria-describedby="{{IDS}}"{{/GROUP_DESCRIBED}}>
<legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{{LEGEND}}</legend>
{{#GROUP_HINT}}<p class="utrecht-form-field-description" id="{{ID}}-hint">{{TEXT}}</p>
{{/GROUP_HINT}}{{#GROUP_ERROR}}<p class="kp-field-error" id="{{ID}}-fout">{{TEXT}}</p>
{{/GROUP_ERROR}}{{/FIELDSET}}{{#FIELD}}{{#BOX}}<div class="utrecht-form-field">
<label class="utrecht-form-label" for="{{ID}}">{{LABEL}}</label>
{{#HINT}}<p class="utrecht-form-field-description" id="{{ID}}-hint">{{TEXT}}</p>
{{/HINT}}{{#FIELD_ERROR}}<p class="kp-field-error" id="{{ID}}-fout">{{TEXT}}</p>
{{/FIELD_ERROR}}{{#INPUT}}<input class="utrecht-textbox utrecht-textbox--html-input{{#NARROW}} utrecht-textbox--house-number-size{{/NARROW}}" id="{{ID}}" name="{{NAME}}" type="text" autocomplete="{{AUTOCOMPLETE}}" maxlength="{{MAX}}" value="{{VALUE}}"{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}{{#REQUIRED}} required{{/REQUIRED}}{{#MODE}} inputmode="{{TEXT}}"{{/MODE}}>
{{/INPUT}}{{#TEXTAREA}}<textarea class="utrecht-textarea utrecht-textarea--html-textarea" id="{{ID}}" name="{{NAME}}" rows="6" maxlength="{{MAX}}" dir="auto"{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}>{{VALUE}}</textarea>
{{/TEXTAREA}}{{#SELECT}}<select class="utrecht-select utrecht-select--html-select" id="{{ID}}" name="{{NAME}}"{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}>
{{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{TEXT}}</option>
{{/OPTION}}</select>
{{/SELECT}}</div>
{{/BOX}}{{#CHECK}}<div class="kp-option"><input class="{{#CHECKBOX}}utrecht-checkbox utrecht-checkbox--html-input{{/CHECKBOX}}{{#RADIO}}utrecht-radio-button utrecht-radio-button--html-input{{/RADIO}}" id="{{ID}}" name="{{NAME}}" type="{{TYPE}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}><label class="utrecht-form-label" for="{{ID}}">{{LABEL}}{{#OWN_NAME}} <span lang="{{CODE}}" dir="{{TEXT_DIR}}">({{TEXT}})</span>{{/OWN_NAME}}</label></div>
{{/CHECK}}{{#SLOTS}}<div class="kp-slots">
<table class="utrecht-table utrecht-table--html-table">
<thead class="utrecht-table__header"><tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="col">{{T_PST_DAY}}</th><th class="utrecht-table__header-cell" scope="col">{{T_PST_PART_MORNING}}</th><th class="utrecht-table__header-cell" scope="col">{{T_PST_PART_AFTERNOON}}</th><th class="utrecht-table__header-cell" scope="col">{{T_PST_PART_EVENING}}</th></tr></thead>
<tbody class="utrecht-table__body">
{{#DAY}}<tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="row">{{NAME}}</th>{{#SLOT}}<td class="utrecht-table__cell"><label for="{{ID}}"><input class="utrecht-checkbox utrecht-checkbox--html-input" id="{{ID}}" name="{{FIELD}}" type="checkbox" value="1"{{#CHECKED}} checked{{/CHECKED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}><span class="kp-visually-hidden">{{LABEL}}</span></label></td>{{/SLOT}}</tr>
{{/DAY}}</tbody>
</table>
</div>
{{/SLOTS}}{{/FIELD}}{{#FIELDSET}}</fieldset>
{{/FIELDSET}}{{/GROUP}}<div class="kp-form-buttons">
{{#BUTTON}}<button class="utrecht-button {{#PRIMARY}}utrecht-button--primary-action{{/PRIMARY}}{{#SECONDARY}}utrecht-button--secondary-action{{/SECONDARY}}" type="submit"{{#NAMED}} name="{{NAME}}" value="{{VALUE}}"{{/NAMED}}>{{TEXT}}</button>
{{/BUTTON}}</div>
</form>
