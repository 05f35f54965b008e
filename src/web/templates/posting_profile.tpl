{{%AUTOESCAPE context="HTML"}}{{!-- The matching profile (posting_pages.cpp): consent to be proposed (its own form), suggestions with their reasons while consent is given, the profile form, and the way to delete it. --}}<h1 class="utrecht-heading-1">{{T_PST_PROFILE_TITLE}}</h1>
{{#NOTICE}}<div class="kp-notice kp-notice--success" role="status"><p class="utrecht-paragraph">{{TEXT}}</p></div>
{{/NOTICE}}{{#PROBLEM}}<div class="kp-notice kp-notice--error" role="status"><p class="utrecht-paragraph">{{TEXT}}</p></div>
{{/PROBLEM}}<p class="utrecht-paragraph">{{T_PST_PROFILE_INTRO}}</p>
<section aria-labelledby="toestemming">
<h2 class="utrecht-heading-2" id="toestemming">{{T_PST_CONSENT_TITLE}}</h2>
<p class="utrecht-paragraph">{{CONSENT_STATE}}</p>
{{#CONSENT_FORM}}<form method="post" action="{{URL}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="toestemming" value="{{VALUE}}">
<button class="utrecht-button {{#GIVE}}utrecht-button--primary-action{{/GIVE}}{{#STOP}}utrecht-button--secondary-action{{/STOP}}" type="submit" aria-describedby="toestemming-hint">{{TEXT}}</button>
<p class="utrecht-form-field-description" id="toestemming-hint">{{T_PST_CONSENT_HINT}}</p>
</form>
{{/CONSENT_FORM}}</section>
{{#SUGGESTIONS}}<section aria-labelledby="voorstellen">
<h2 class="utrecht-heading-2" id="voorstellen">{{T_PST_SUGGESTIONS_TITLE}}</h2>
<p class="utrecht-paragraph">{{T_PST_SUGGESTIONS_INTRO}}</p>
{{#NONE}}<p class="utrecht-paragraph">{{TEXT}}</p>
{{/NONE}}{{#ITEMS}}<ol class="kp-result-list">
{{#SUGGESTION}}<li class="kp-result">
<h3 class="utrecht-heading-3"><a class="utrecht-link" href="{{URL}}" dir="auto">{{TITLE}}</a></h3>
<p class="kp-meta"><span class="kp-badge kp-badge--neutral">{{SIDE}}</span> <span>{{KIND}}</span>{{#PLACE}} <span lang="nl" dir="ltr">{{NAME}}</span>{{/PLACE}}</p>
<p class="utrecht-paragraph">{{T_PST_WHY}}:</p>
<ul class="utrecht-unordered-list">{{#REASON}}<li>{{TEXT}}</li>{{/REASON}}</ul>
</li>
{{/SUGGESTION}}</ol>
{{/ITEMS}}<p class="utrecht-paragraph"><a class="utrecht-link" href="{{PREFIX}}/mijn-matches">{{T_ACCOUNT_MY_MATCHES}}</a></p>
</section>
{{/SUGGESTIONS}}<section aria-labelledby="profiel">
<h2 class="utrecht-heading-2" id="profiel">{{T_PST_PROFILE_FORM_TITLE}}</h2>
{{>FORM}}
</section>
{{#DELETE}}<section class="kp-form-section" aria-labelledby="verwijderen">
<h2 class="utrecht-heading-2" id="verwijderen">{{T_PST_DELETE_TITLE}}</h2>
<p class="utrecht-paragraph"><a class="utrecht-link" href="{{URL}}">{{T_PST_DELETE_LINK}}</a></p>
</section>
{{/DELETE}}
