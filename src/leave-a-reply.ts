/**
 * The script-tag entry. It only registers the elements; each loads its view when it nears
 * the viewport, so a page pays almost nothing for comments nobody scrolls to.
 */
import {defineElement} from './define.js';
import {LeaveAReplyElement} from './elements/leave-a-reply-element.js';

defineElement('leave-a-reply', LeaveAReplyElement);

export {LeaveAReplyElement};
