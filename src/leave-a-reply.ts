/**
 * The script-tag entry. It only registers the elements; each loads its view when it nears
 * the viewport, so a page pays almost nothing for comments nobody scrolls to.
 */
import {defineElement} from './define.js';
import {LeaveAReplyConfigElement} from './elements/leave-a-reply-config-element.js';
import {LeaveAReplyCountElement} from './elements/leave-a-reply-count-element.js';
import {LeaveAReplyElement} from './elements/leave-a-reply-element.js';

// The config first: an eager widget asks for its backend as soon as it is defined.
defineElement('leave-a-reply-config', LeaveAReplyConfigElement);
defineElement('leave-a-reply', LeaveAReplyElement);
defineElement('leave-a-reply-count', LeaveAReplyCountElement);

export {LeaveAReplyConfigElement, LeaveAReplyCountElement, LeaveAReplyElement};
