// GraphQL operation texts exactly as listed in listenmoe-protocol.md §4.2 (as used by official
// clients). The conformance tests send these strings verbatim.

/** AND Auth.graphql */
export const LOGIN_MUTATION = `mutation LoginMutation($username: String!, $password: String!) {
    login(username: $username, password: $password) {
        mfa
        token
    }
}`;

/** DESK src/gql/mutations/login.gql */
export const DESK_LOGIN_MUTATION = `mutation login($username: String!, $password: String!) {
  login(username: $username, password: $password) {
    user { uuid username displayName avatarImage bannerImage bio
           roles { name slug color songRequests } additionalSongRequests uploadLimit }
    token, mfa
  }
}`;

/** AND Auth.graphql; DESK loginMfa.gql */
export const LOGIN_MFA_MUTATION = `mutation LoginMfaMutation($otpToken: String!) {
    loginMFA(token: $otpToken) {
        token
    }
}`;

/** DESK src/gql/queries/user.gql */
export const USER_QUERY = `query user($username: String!) {
  user(username: $username) {
    uuid username displayName avatarImage bannerImage bio
    roles { name slug }
    favorites { count }
    uploads { count }
    requests { count }
  }
}`;

/** AND Users.graphql */
export const USER_QUERY_ANDROID = `query UserQuery($username: String!) { user(username: $username) { uuid username displayName avatarImage bannerImage } }`;

/** DESK checkFavorite.gql; EXT graphql.ts */
export const CHECK_FAVORITE_QUERY = `query checkFavorite($songs: [Int!]!) {
  checkFavorite(songs: $songs)
}`;

/** DESK checkFavorites.gql (aliases) */
export const CHECK_FAVORITES_BATCH_QUERY = `query checkFavorites($songs: [Int!]!, $songsWithoutAlbum: [Int!]!) { songs: checkFavorite(songs: $songs) songsWithoutAlbum: checkFavorite(songs: $songsWithoutAlbum) }`;

/** DESK favoriteSong.gql; EXT; AND */
export const FAVORITE_SONG_MUTATION = `mutation favoriteSong($id: Int!) {
  favoriteSong(id: $id) {
    id
  }
}`;

/** AND Favorites.graphql */
export const FAVORITES_QUERY = `query FavoritesQuery($username: String!, $offset: Int!, $count: Int!, $kpop: Boolean) {
    user(username: $username) {
        favorites(offset: $offset, count: $count, kpop: $kpop) {
            favorites { song { id title titleRomaji artists { name nameRomaji } } createdAt }
        }
    }
}`;

/** AND PlayHistory.graphql */
export const PLAY_HISTORY_QUERY = `query PlayHistoryQuery($kpop: Boolean) {
    playStatistics(offset: 0, count: 10, kpop: $kpop) {
        songs { song { id title titleRomaji artists { name nameRomaji image }
                       albums { name nameRomaji image } sources { name nameRomaji image } duration enabled } }
    }
}`;

/** AND Requests.graphql */
export const REQUEST_SONG_MUTATION = `mutation RequestSong($id: Int!, $kpop: Boolean) { requestSong(id: $id, kpop: $kpop) { id } }`;
