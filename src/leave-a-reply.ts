/**
 * The script-tag entry. It only registers the elements; each loads its view when it nears
 * the viewport, so a page pays almost nothing for comments nobody scrolls to.
 */
import {defineElement} from './shell/define.js';
import {LeaveAReplyConfigElement} from './components/leave-a-reply-config/leave-a-reply-config.js';
import {LeaveAReplyCountElement} from './components/leave-a-reply-count/leave-a-reply-count.js';
import {LeaveAReplyElement} from './components/leave-a-reply/leave-a-reply.js';

// The config first: an eager widget asks for its backend as soon as it is defined.
defineElement('leave-a-reply-config', LeaveAReplyConfigElement);
defineElement('leave-a-reply', LeaveAReplyElement);
defineElement('leave-a-reply-count', LeaveAReplyCountElement);

export {LeaveAReplyConfigElement, LeaveAReplyCountElement, LeaveAReplyElement};
export {registerLanguage, type ShippedLanguage, type StringOverrides} from './i18n/registered-strings.js';
export type {Messages} from './i18n/en.js';
