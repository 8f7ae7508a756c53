/**
 * The moderation queue's script-tag entry (dist/moderation/leave-a-reply-moderation.js, built by
 * vite.moderation.config.ts apart from the widget, whose readers never load it). It registers
 * `<leave-a-reply-moderation>`, which loads its view at once.
 */
import {defineElement} from './shell/define.js';
import {LeaveAReplyModerationElement} from './components/leave-a-reply-moderation/leave-a-reply-moderation.js';

defineElement('leave-a-reply-moderation', LeaveAReplyModerationElement);

export {LeaveAReplyModerationElement};
