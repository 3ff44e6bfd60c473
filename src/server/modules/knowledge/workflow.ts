import type { KbStatus } from './model.js';

/**
 * The editorial workflow of articles and FAQ entries. Publishers may publish a draft directly (small offices
 * have one publisher), re-publish a published item to put its latest revision live, unpublish (back to draft),
 * and archive from any state; an archived item comes back as a draft.
 */
const TRANSITIONS: Record<KbStatus, readonly KbStatus[]> = {
  draft: ['review', 'published', 'archived'],
  review: ['draft', 'published', 'archived'],
  published: ['published', 'draft', 'archived'],
  archived: ['draft'],
};

export function canTransition(from: KbStatus, to: KbStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export type KnowledgeAction =
  | 'edit'
  | 'submit_for_review'
  | 'return_to_draft'
  | 'publish'
  | 'archive'
  | 'mark_reviewed'
  | 'restore_revision'
  | 'delete';

/** The workflow actions available on an item, for a user who may write the knowledge base (the console's list). */
export function workflowActions(
  entity: 'article' | 'faq',
  status: KbStatus,
  everPublished: boolean,
  hasUnpublishedChanges: boolean,
): KnowledgeAction[] {
  const actions: KnowledgeAction[] = [];
  if (status !== 'archived') actions.push('edit', 'restore_revision');
  if (status === 'draft') actions.push('submit_for_review');
  if (status === 'draft' || status === 'review' || (status === 'published' && hasUnpublishedChanges))
    actions.push('publish');
  if (status !== 'draft') actions.push('return_to_draft');
  if (status === 'published' && entity === 'article') actions.push('mark_reviewed');
  if (status !== 'archived') actions.push('archive');
  if (status === 'draft' && !everPublished) actions.push('delete');
  return actions;
}
