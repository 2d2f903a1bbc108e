namespace LmsSync.Core.Lms.ISpring
{
    /// <summary>How <see cref="ISpringClient.JoinGroupAsync"/> adds one user to a group without dropping anyone else.</summary>
    public enum ISpringGroupJoinMode
    {
        /// <summary>
        /// Default. Read <c>GET /group/{id}</c>, write the whole list back with the user added
        /// (<c>POST /group/{id}/members</c>, documented replace semantics), read it again to verify; concurrent
        /// joins and leaves of one group within this client are merged into one write.
        /// </summary>
        RewriteMembers,

        /// <summary>
        /// Read the user, then <c>POST /user/{id}</c> with <c>groupIds</c> = the user's current groups plus the new one,
        /// and verify. Correct whether iSpring treats <c>groupIds</c> as "add" or as "replace" (not documented);
        /// touches only this user's memberships.
        /// </summary>
        UserGroupIds,
    }

    /// <summary>How <see cref="ISpringClient.LeaveGroupAsync"/> removes one user from a group.</summary>
    public enum ISpringGroupLeaveMode
    {
        /// <summary>Default. <c>POST /user/{id}/groups/remove</c> <c>{groupIds}</c>: touches only this user, no read-modify-write.</summary>
        UserGroupsRemove,

        /// <summary>Read the group and write the list back without the user (as <see cref="ISpringGroupJoinMode.RewriteMembers"/>).</summary>
        RewriteMembers,
    }
}
