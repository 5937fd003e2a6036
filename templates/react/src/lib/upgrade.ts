/** What the projects panel links to at the free limit: the page that sells a plan lifting it, when there is one. */
export const upgradeLink: { href?: string; label?: string } = {
  // @slot upgrade
};
