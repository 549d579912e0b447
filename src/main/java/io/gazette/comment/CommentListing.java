package io.gazette.comment;

import java.util.List;

/**
 * One page of a comment list, already shaped for its audience.
 *
 * @param nextCursor null on the last page
 * @param total all matching comments, only for numbered pages
 */
record CommentListing<T>(List<T> items, String nextCursor, Long total) {}
