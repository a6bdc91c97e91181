import { Component, Suspense, lazy, useState, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { AppRole } from '../../../../shared/roles';
import { LoadingState } from '../LoadingState';
import { StatusPage } from '../StatusPage';
import type { RoleHomeProps } from './props';

type HomeModule = { default: ComponentType<RoleHomeProps> };

/** Each role's home is its own chunk: a student downloads only the student screen. */
const loaders: Record<AppRole, () => Promise<HomeModule>> = {
  student: () => import('../StudentHome'),
  teacher: () => import('../TeacherHome'),
  admin: () => import('../AdminHome'),
  parent: () => import('../ParentHome'),
};

// React.lazy remembers a failed import for good; a retry needs a fresh lazy component.
const homes = new Map<AppRole, LazyExoticComponent<ComponentType<RoleHomeProps>>>();
function homeFor(role: AppRole) {
  let home = homes.get(role);
  if (!home) {
    home = lazy(loaders[role]);
    homes.set(role, home);
  }
  return home;
}

type BoundaryProps = { onRetry: () => void; children: ReactNode };
type BoundaryState = { failed: boolean };

/** Catches a chunk that failed to download (offline) or a page that crashed, and offers "Try again". */
class HomeBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { failed: false };
  static getDerivedStateFromError(): BoundaryState {
    return { failed: true };
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    return (
      <StatusPage
        kind={offline ? 'offline' : 'error'}
        onRetry={() => {
          this.setState({ failed: false });
          this.props.onRetry();
        }}
      />
    );
  }
}

/** Shows the home page of the session's role, loading its code on demand. */
export function RoleHome({ session }: RoleHomeProps) {
  const role = session.user.role;
  const [attempt, setAttempt] = useState(0);
  if (!(role in loaders)) return <StatusPage kind="unknownRole" />;
  const Home = homeFor(role);
  return (
    <HomeBoundary
      key={attempt}
      onRetry={() => {
        homes.delete(role);
        setAttempt((n) => n + 1);
      }}
    >
      <Suspense fallback={<LoadingState />}>
        <Home session={session} />
      </Suspense>
    </HomeBoundary>
  );
}

export default RoleHome;
