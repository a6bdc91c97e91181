// Local types for the part of ltijs 5.9.9 we use: @types/ltijs (4.0.12) lags it (STACK.md).
declare module 'ltijs' {
  import type { Express, NextFunction, Request, Response } from 'express';

  export interface PlatformAuthConfig {
    method: 'JWK_SET' | 'JWK_KEY' | 'RSA_KEY';
    key: string;
  }
  export interface PlatformRegistration {
    url: string;
    name: string;
    clientId: string;
    authenticationEndpoint: string;
    accesstokenEndpoint: string;
    authorizationServer?: string;
    authConfig: PlatformAuthConfig;
  }
  export interface Platform {
    platformUrl(): Promise<string>;
    platformClientId(): Promise<string>;
    platformName(): Promise<string>;
    platformId(): Promise<string>;
    platformKid(): Promise<string>;
    /** PEM public key of the tool's key pair for this platform (published at the keyset route). */
    platformPublicKey(): Promise<string>;
    /** PEM private key of the tool's key pair for this platform (signs deep linking responses, client assertions). */
    platformPrivateKey(): Promise<string>;
    platformActive(active?: boolean): Promise<boolean>;
    platformAuthEndpoint(): Promise<string>;
    platformAccessTokenEndpoint(): Promise<string>;
    platformAuthConfig(): Promise<PlatformAuthConfig>;
    platformAccessToken(scopes: string): Promise<{ access_token: string; token_type: string; expires_in: number; scope: string }>;
  }
  /** The id_token information ltijs hands to onConnect (shape of its platformToken + platformContext). */
  export interface IdToken {
    iss: string;
    user: string;
    userInfo: { given_name?: string; family_name?: string; name?: string; email?: string };
    platformInfo?: { guid?: string; name?: string; product_family_code?: string };
    clientId: string;
    platformId: string;
    deploymentId: string;
    platformContext: {
      contextId: string;
      user: string;
      context?: { id: string; title?: string; label?: string };
      resource?: { id: string; title?: string };
      messageType: string;
      version: string;
      deepLinkingSettings?: unknown;
      roles: string[];
      targetLinkUri?: string;
      custom?: Record<string, unknown>;
      launchPresentation?: { locale?: string; document_target?: string; return_url?: string };
      endpoint?: unknown;
      namesRoles?: unknown;
      lis?: unknown;
    };
  }
  type Handler = (req: Request, res: Response, next: NextFunction) => unknown;
  export interface ProviderOptions {
    appRoute?: string;
    loginRoute?: string;
    keysetRoute?: string;
    dynRegRoute?: string;
    cors?: boolean;
    devMode?: boolean;
    ltiaas?: boolean;
    tokenMaxAge?: number | false;
    cookies?: { secure?: boolean; sameSite?: 'None' | 'Lax' | 'Strict'; domain?: string };
  }
  export interface ProviderInstance {
    app: Express;
    Database: unknown;
    setup(
      encryptionKey: string,
      database: { url: string; connection?: Record<string, unknown>; plugin?: unknown },
      options?: ProviderOptions,
    ): ProviderInstance;
    deploy(options?: { port?: number; silent?: boolean; serverless?: boolean }): Promise<true>;
    close(options?: { silent?: boolean }): Promise<true>;
    onConnect(cb: (token: IdToken, req: Request, res: Response, next: NextFunction) => unknown): true;
    onDeepLinking(cb: (token: IdToken, req: Request, res: Response, next: NextFunction) => unknown): true;
    onInvalidToken(cb: Handler): true;
    onSessionTimeout(cb: Handler): true;
    onUnregisteredPlatform(cb: Handler): true;
    onInactivePlatform(cb: Handler): true;
    registerPlatform(platform: PlatformRegistration): Promise<Platform>;
    getPlatform(url: string, clientId: string): Promise<Platform | false>;
    getPlatform(url: string): Promise<Platform[] | false>;
    deletePlatform(url: string, clientId: string): Promise<boolean>;
  }
  export const Provider: ProviderInstance;
}

/** ltijs's MongoDB storage, which a `database.plugin` may extend (server/lti/ltijs-database.ts does). */
declare module 'ltijs/dist/Utils/Database' {
  type EncryptionKey = string | false;
  type Query = Record<string, unknown>;
  type Item = Record<string, unknown>;
  class LtijsDatabase {
    constructor(database: { url: string; connection?: Record<string, unknown> });
    setup(): Promise<true>;
    Close(): Promise<true>;
    Get(key: EncryptionKey, collection: string, query?: Query): Promise<Item[] | false>;
    Insert(key: EncryptionKey, collection: string, item: Item, index?: Item): Promise<true>;
    Replace(key: EncryptionKey, collection: string, query: Query, item: Item, index?: Item): Promise<true>;
    Modify(key: EncryptionKey, collection: string, query: Query, modification: Item): Promise<true>;
    Delete(collection: string, query: Query): Promise<true>;
  }
  export = LtijsDatabase;
}

/** ltijs's key pair generation: one RSA-4096 pair per registration, stored encrypted, replacing the last one. */
declare module 'ltijs/dist/Utils/Auth' {
  import type LtijsDatabase from 'ltijs/dist/Utils/Database';
  const Auth: {
    generatePlatformKeyPair(encryptionKey: string, database: LtijsDatabase, platformUrl: string, clientId: string): Promise<string>;
  };
  export = Auth;
}

/** ltijs's JWKS of the tool: every stored public key, as RS256 signing JWKs. */
declare module 'ltijs/dist/Utils/Keyset' {
  import type LtijsDatabase from 'ltijs/dist/Utils/Database';
  const Keyset: {
    build(database: LtijsDatabase, encryptionKey: string): Promise<{ keys: Array<Record<string, unknown> & { kid: string }> }>;
  };
  export = Keyset;
}
