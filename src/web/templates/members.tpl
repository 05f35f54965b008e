{{%AUTOESCAPE context="HTML"}}<h1 class="utrecht-heading-1">{{T_MEMBERS_TITLE}}</h1>
{{#NOTICE}}<div class="kp-notice kp-notice--success" role="status"><p class="utrecht-paragraph">{{TEXT}}</p></div>
{{/NOTICE}}<p class="utrecht-paragraph">{{INTRO}}</p>
<ul class="kp-requests">
{{#MEMBER}}<li class="kp-request">
<h2 class="utrecht-heading-3" id="lid-{{ID}}" dir="ltr">{{EMAIL}}{{#YOU}} {{T_MEMBER_YOU}}{{/YOU}}</h2>
<p class="utrecht-paragraph">{{ROLE}}</p>
{{#REMOVE}}<form method="post" action="{{URL}}"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="utrecht-button utrecht-button--secondary-action" type="submit" aria-describedby="lid-{{ID}}">{{T_MEMBER_REMOVE_BUTTON}}</button></form>
{{/REMOVE}}</li>
{{/MEMBER}}</ul>
<p class="utrecht-paragraph"><a class="utrecht-link" href="{{INVITE_URL}}">{{T_INVITE_LINK}}</a></p>
<p class="utrecht-paragraph"><a class="utrecht-link" href="{{BACK_URL}}">{{T_BACK_TO_ORGANIZATION}}</a></p>
