// Gives the theming page's thread two comments the first time it is opened, so every look has
// something to show. backend="local" keeps the thread in localStorage under its page-id.
const KEY = 'leave-a-reply:thread:theming-demo';

if (!localStorage.getItem(KEY)) {
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
  localStorage.setItem(
    KEY,
    JSON.stringify([
      {
        id: 'theming-1',
        parentId: null,
        body: 'The score does half the acting in the last act, and I mean that as praise.',
        author: {uid: 'demo-ines', name: 'Inès Laurent', url: 'https://ines.example', provider: 'guest'},
        status: 'published',
        createdAt: minutesAgo(95),
      },
      {
        id: 'theming-2',
        parentId: 'theming-1',
        body: 'Agreed. I went home and played it on a loop.\nhttps://music.example/her-score',
        author: {uid: 'demo-kofi', name: 'Kofi Mensah', provider: 'guest'},
        status: 'published',
        createdAt: minutesAgo(40),
      },
    ]),
  );
}
