{{%AUTOESCAPE context="HTML"}}{{!-- A posting's form (posting_pages.cpp): a new posting in steps, or all of it at once to edit. --}}<h1 class="utrecht-heading-1">{{HEADING}}</h1>
{{#STEP}}<p class="utrecht-paragraph kp-step">{{TEXT}}</p>
{{/STEP}}{{#INTRO}}<p class="utrecht-paragraph">{{TEXT}}</p>
{{/INTRO}}{{#NOTICE}}<div class="kp-notice kp-notice--error" role="status"><p class="utrecht-paragraph">{{TEXT}}</p></div>
{{/NOTICE}}{{>FORM}}
{{#LINK}}<p class="utrecht-paragraph"><a class="utrecht-link" href="{{URL}}">{{TEXT}}</a></p>
{{/LINK}}
